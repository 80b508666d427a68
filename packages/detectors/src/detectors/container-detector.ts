import { ATTR_CONTAINER_ID } from '@opentelemetry/semantic-conventions';
import { type ContextOptions, createDetectionContext } from '../detection-context.js';
import { immediateAttributes, type ProvenanceDetector } from '../detector.js';

/**
 * Detects `container.id` from `/proc/self/cgroup`, for Docker, CRI-O,
 * containerd, Podman and ECS under the systemd and cgroupfs drivers on cgroup
 * v1 and v2. Failing that, it reads the runtime's bind mounts in
 * `/proc/self/mountinfo`, for Docker and Podman on cgroup v2 with a private
 * cgroup namespace. Only a path with a runtime's marker counts, and a pod
 * sandbox's (pause container's) id is never given, because no id is better
 * than a wrong one. Never rejects.
 */
export function containerDetector(
  options: ContextOptions = {},
  context = createDetectionContext(options),
): ProvenanceDetector {
  return {
    name: 'container',
    detect: () => {
      const { cgroup, mountinfo } = context.processFacts();
      return {
        attributes: immediateAttributes('container', {
          [ATTR_CONTAINER_ID]: cgroup.containerId ?? mountinfo.containerId,
        }),
      };
    },
  };
}
