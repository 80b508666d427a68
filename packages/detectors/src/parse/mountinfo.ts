/** The container and pod that the bind mounts in `/proc/self/mountinfo` reveal. */
export interface MountinfoFacts {
  containerId?: string;
  podUid?: string;
  /** The container's name in its pod, from the kubelet's `containers/<name>/` path. */
  containerName?: string;
  /** True when a mount comes from a kubelet pod directory, so the process runs in a pod. */
  kubelet: boolean;
}

// The files a runtime bind-mounts into each container from its own
// per-container directory.
const RUNTIME_MOUNT_POINTS = new Set([
  '/etc/hostname',
  '/etc/hosts',
  '/etc/resolv.conf',
  '/run/.containerenv',
]);

// Docker's `containers/<id>/`, rootful or rootless. The root field is relative
// to the filesystem, so it reads `/containers/<id>/...` when /var/lib/docker
// is a filesystem of its own.
const DOCKER_CONTAINER_DIR = /(?:^|\/)containers\/([0-9a-f]{64})\/[^/]+$/;

// Podman and CRI-O keep per-container files in `overlay-containers/<id>/userdata/`.
const OVERLAY_CONTAINER_DIR = /\/overlay-containers\/([0-9a-f]{64})\/userdata\/[^/]+$/;

// The kubelet's per-pod directory, wherever the kubelet's root is
// (`/var/lib/kubelet`, k0s, MicroK8s): `.../kubelet/pods/<uid>/...`.
const KUBELET_POD_DIR =
  /\/kubelet\/pods\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/(.*)$/;

// The kubelet's termination-log mount: `containers/<container name>/<random suffix>`.
const KUBELET_CONTAINER_DIR = /^containers\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/[^/]+$/;

// Paths in mountinfo escape space, tab, newline and backslash as octal (`\040`).
function unescapeMountPath(field: string): string {
  if (!field.includes('\\')) {
    return field;
  }
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) =>
    String.fromCharCode(parseInt(octal, 8)),
  );
}

/**
 * Parses `/proc/self/mountinfo` (proc(5)) for the bind mounts a container
 * runtime or the kubelet makes, reading each line's root field (the source
 * path inside the mounted filesystem). Only a runtime's own per-container
 * directory gives a container id: the overlay layer ids in a host's or a
 * container's root mount never do. Under Kubernetes, `/etc/hostname` comes
 * from the pod sandbox (containerd's `sandboxes/<id>` or CRI-O's
 * `overlay-containers/<sandbox id>`), which is the pause container, so no
 * container id is taken from mounts inside a pod. Never throws.
 */
export function parseMountinfo(text: string): MountinfoFacts {
  const facts: MountinfoFacts = { kubelet: false };
  let runtimeId: string | undefined;

  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    if (fields.length < 5) {
      continue;
    }
    const root = unescapeMountPath(fields[3]!);

    // The plain text test spares most lines the pattern, whose first match
    // costs a fraction of a millisecond at startup.
    const pod = root.includes('/kubelet/pods/') ? KUBELET_POD_DIR.exec(root) : null;
    if (pod) {
      facts.kubelet = true;
      facts.podUid ??= pod[1];
      const container = KUBELET_CONTAINER_DIR.exec(pod[2]!);
      if (container) facts.containerName ??= container[1];
      continue;
    }

    if (RUNTIME_MOUNT_POINTS.has(unescapeMountPath(fields[4]!))) {
      runtimeId ??= DOCKER_CONTAINER_DIR.exec(root)?.[1] ?? OVERLAY_CONTAINER_DIR.exec(root)?.[1];
    }
  }

  if (runtimeId !== undefined && !facts.kubelet) {
    facts.containerId = runtimeId;
  }
  return facts;
}
