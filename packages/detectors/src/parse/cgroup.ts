import { type CgroupPathFacts, parseCgroupPath } from './container-path.js';

/**
 * Parses `/proc/self/cgroup` (cgroups(7): `hierarchy-ID:controllers:path` per
 * line, v1 and v2) into the container id and pod uid its paths vouch for.
 * The first line that names a container wins; lines without a runtime's
 * marker, such as `0::/system.slice/containerd.service`, give nothing. On
 * cgroup v2 with a private cgroup namespace the file is only `0::/`, and the
 * result is empty. Never throws.
 */
export function parseCgroup(text: string): CgroupPathFacts {
  const facts: CgroupPathFacts = {};

  for (const line of text.split('\n')) {
    const first = line.indexOf(':');
    const second = first < 0 ? -1 : line.indexOf(':', first + 1);
    if (second < 0) {
      continue;
    }

    const path = line.slice(second + 1).trim();
    const found = parseCgroupPath(path);
    facts.containerId ??= found.containerId;
    facts.podUid ??= found.podUid;
  }

  if (facts.containerId === undefined) delete facts.containerId;
  if (facts.podUid === undefined) delete facts.podUid;
  return facts;
}
