// Rules that tell a container runtime's cgroup path apart from a path that
// merely contains something hex-looking. The cgroup parser applies them to
// each line's path.

const HEX_ID = /^[0-9a-f]{64}$/;

// A systemd scope or cgroupfs directory named after the runtime and the id:
// `docker-<id>.scope`, `crio-<id>.scope`, `cri-containerd-<id>.scope` and
// `libpod-<id>.scope`. `libpod-conmon-<id>.scope` contains Podman's monitor
// process, not the container, and does not match.
const RUNTIME_SCOPE = /^(?:docker|crio|cri-containerd|libpod)-([0-9a-f]{64})(?:\.scope)?$/;

// The form containerd and CRI-O write under the systemd cgroup driver when the
// process's cgroup namespace is the host's: `<pod slice>:cri-containerd:<id>`.
const SYSTEMD_DRIVER_TRIPLE = /^[^:]*:(?:cri-containerd|crio|docker):([0-9a-f]{64})$/;

// `pod<uid>` (cgroupfs driver) or `kubepods-<qos>-pod<uid with underscores>.slice`
// (systemd driver; kind nodes prefix it with `kubelet-`).
const POD_SEGMENT =
  /^(?:[a-z]+(?:-[a-z]+)*-)?pod([0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12})(?:\.slice)?$/;

// Every pattern above matches only segments of a pod uid's 36 characters or
// more, so shorter segments skip them and their first-match cost at startup.
const MIN_MARKED_SEGMENT_LENGTH = 36;

function underKubepods(segments: string[], index: number): boolean {
  return segments.slice(0, index).some((segment) => segment.includes('kubepods'));
}

/** The container and pod that one cgroup path names. */
export interface CgroupPathFacts {
  containerId?: string;
  podUid?: string;
}

/**
 * Finds the container id in one cgroup path, only where a runtime's marker
 * vouches for it: a runtime-named scope, a bare id directly under `/docker/`,
 * an ECS task (`/ecs/<task>/<id>`), or a Kubernetes pod directory
 * (`/kubepods/.../pod<uid>/<id>`). When containers nest (a kind node is a
 * Docker container running containerd), the innermost id wins. Returns an
 * empty object when no segment has a marker.
 */
export function parseCgroupPath(path: string): CgroupPathFacts {
  const segments = path.split('/').filter((segment) => segment !== '');
  const facts: CgroupPathFacts = {};

  for (const [index, segment] of segments.entries()) {
    if (segment.length < MIN_MARKED_SEGMENT_LENGTH) continue;

    const pod = POD_SEGMENT.exec(segment);
    if (pod && (underKubepods(segments, index) || segment.includes('kubepods'))) {
      facts.podUid = pod[1]!.replaceAll('_', '-');
    }

    const id = containerIdOfSegment(segments, index);
    if (id !== undefined) {
      facts.containerId = id;
    }
  }
  return facts;
}

function containerIdOfSegment(segments: string[], index: number): string | undefined {
  const segment = segments[index]!;
  const scoped = RUNTIME_SCOPE.exec(segment) ?? SYSTEMD_DRIVER_TRIPLE.exec(segment);
  if (scoped) {
    return scoped[1];
  }
  if (!HEX_ID.test(segment)) {
    return undefined;
  }

  const parent = segments[index - 1];
  const grandparent = segments[index - 2];
  if (parent === 'docker' || grandparent === 'ecs') {
    return segment;
  }
  if (parent !== undefined && POD_SEGMENT.test(parent) && underKubepods(segments, index)) {
    return segment;
  }
  return undefined;
}
