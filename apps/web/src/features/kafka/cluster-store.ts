import { create } from 'zustand';

const KEY = 'weir.kafka.cluster';

function stored(): string {
  try {
    return localStorage.getItem(KEY) ?? 'default';
  } catch {
    return 'default';
  }
}

interface ClusterState {
  /** The connection the overview shows; pages under /kafka/:cluster name theirs in the address. */
  cluster: string;
  choose(cluster: string): void;
}

export const useCluster = create<ClusterState>((set) => ({
  cluster: stored(),
  choose(cluster) {
    try {
      localStorage.setItem(KEY, cluster);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
    set({ cluster });
  },
}));
