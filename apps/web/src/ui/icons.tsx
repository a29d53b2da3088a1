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

export function CloseIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M6 6l12 12M18 6L6 18" />
    </Icon>
  );
}

export function PlusIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M12 5v14M5 12h14" />
    </Icon>
  );
}

export function TrashIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
    </Icon>
  );
}

export function UndoIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </Icon>
  );
}

export function RedoIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M15 14l5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
    </Icon>
  );
}

export function LayoutIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <rect x="3" y="9" width="5" height="6" rx="1" />
      <rect x="16" y="4" width="5" height="6" rx="1" />
      <rect x="16" y="14" width="5" height="6" rx="1" />
      <path d="M8 12h4m0 0V7h4m-4 5v5h4" />
    </Icon>
  );
}

export function UploadIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M12 15V4M7 9l5-5 5 5M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4" />
    </Icon>
  );
}

export function DownloadIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M12 4v11M7 10l5 5 5-5M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4" />
    </Icon>
  );
}

export function HistoryIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M3 12a9 9 0 1 0 3-6.7L3 8" />
      <path d="M3 3v5h5M12 7v5l3 3" />
    </Icon>
  );
}

export function RocketIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M5 15c-1.5 1.5-2 5-2 5s3.5-.5 5-2c.8-.8.8-2.2 0-3s-2.2-.8-3 0z" />
      <path d="M9 15l-3-3c1-3 3-6 6.5-8.5C15 2 19 2 21 3c1 2 1 6-.5 8.5C18 15 15 17 12 18z" />
      <circle cx="15" cy="9" r="1.5" />
    </Icon>
  );
}

export function SaveIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M5 3h11l5 5v11a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z" />
      <path d="M7 3v5h8V3M7 21v-7h10v7" />
    </Icon>
  );
}

export function SearchIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <circle cx="11" cy="11" r="7" />
      <path d="M20 20l-4-4" />
    </Icon>
  );
}

export function KeyboardIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <rect x="2" y="6" width="20" height="12" rx="2" />
      <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
    </Icon>
  );
}

export function TemplateIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <rect x="3" y="3" width="18" height="6" rx="1" />
      <rect x="3" y="13" width="7" height="8" rx="1" />
      <rect x="14" y="13" width="7" height="8" rx="1" />
    </Icon>
  );
}

export function AlertIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M12 3l10 18H2z" />
      <path d="M12 10v4M12 17.5h.01" />
    </Icon>
  );
}

export function CheckIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M5 12.5l4.5 4.5L19 7" />
    </Icon>
  );
}

export function CopyIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <rect x="8" y="8" width="12" height="12" rx="2" />
      <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
    </Icon>
  );
}

export function ChevronDownIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M6 9l6 6 6-6" />
    </Icon>
  );
}

export function ArrowLeftIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M19 12H5M11 6l-6 6 6 6" />
    </Icon>
  );
}

export function LogOutIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9" />
    </Icon>
  );
}

export function CodeIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M8 7l-5 5 5 5M16 7l5 5-5 5M14 4l-4 16" />
    </Icon>
  );
}

export function DiffIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M12 3v8M8 7h8M8 17h8M5 21h14" />
    </Icon>
  );
}

export function KeyIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <circle cx="8" cy="15" r="4" />
      <path d="M11 12l9-9M17 6l3 3M15 8l2 2" />
    </Icon>
  );
}

export function ExpandIcon(p: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...p}>
      <path d="M15 3h6v6M9 21H3v-6M21 3l-7 7M3 21l7-7" />
    </Icon>
  );
}
