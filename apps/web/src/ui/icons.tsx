// Line icons drawn for Weir (24×24, currentColor), so the app ships no icon font or package.
import type { SVGProps } from 'react';

function Icon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className="h-5 w-5"
      {...props}
    />
  );
}

export function PipelinesIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <rect x="3" y="4" width="6" height="5" rx="1.2" />
      <rect x="15" y="4" width="6" height="5" rx="1.2" />
      <rect x="9" y="15" width="6" height="5" rx="1.2" />
      <path d="M6 9v2.5a1.5 1.5 0 0 0 1.5 1.5h9a1.5 1.5 0 0 0 1.5-1.5V9M12 13v2" />
    </Icon>
  );
}

export function JobsIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M3 12h3l3-7 4 14 3-7h5" />
    </Icon>
  );
}

export function KafkaIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <circle cx="12" cy="5" r="2.2" />
      <circle cx="12" cy="19" r="2.2" />
      <circle cx="12" cy="12" r="2.6" />
      <circle cx="18.5" cy="8.5" r="2" />
      <circle cx="18.5" cy="15.5" r="2" />
      <path d="M12 7.2v2.2M12 14.6v2.2M14.3 10.8l2.5-1.4M14.3 13.2l2.5 1.4" />
    </Icon>
  );
}

export function SunIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </Icon>
  );
}

export function MoonIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M20.5 14.5A8.5 8.5 0 0 1 9.5 3.5a8.5 8.5 0 1 0 11 11z" />
    </Icon>
  );
}

export function RefreshIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M20 11a8 8 0 0 0-14.6-4.5L4 8M4 4v4h4M4 13a8 8 0 0 0 14.6 4.5L20 16M20 20v-4h-4" />
    </Icon>
  );
}

export function DocsIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M7 3h7l5 5v13H7z" />
      <path d="M14 3v5h5M10 13h6M10 17h6" />
    </Icon>
  );
}
