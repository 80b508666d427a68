import { describe, expect, it } from 'vitest';
import { parseMountinfo } from '../src/parse/mountinfo.js';

const ID = 'f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f';
const SANDBOX = '9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9';
const UID = '28505313-4750-4f66-9e91-4e64323b2bb3';

function line(root: string, mountPoint: string): string {
  return `1374 1367 259:1 ${root} ${mountPoint} rw,relatime - ext4 /dev/nvme0n1p1 rw`;
}

const ROOT_OVERLAY = `1367 1279 0:290 / / rw,relatime - overlay overlay rw,upperdir=/var/lib/docker/overlay2/${'c'.repeat(64)}/diff`;

const cases: {
  name: string;
  lines: string[];
  expected: { containerId?: string; podUid?: string; containerName?: string; kubelet: boolean };
}[] = [
  {
    name: 'docker on cgroup v2',
    lines: [ROOT_OVERLAY, line(`/var/lib/docker/containers/${ID}/resolv.conf`, '/etc/resolv.conf')],
    expected: { containerId: ID, kubelet: false },
  },
  {
    name: 'docker with its own data filesystem',
    lines: [line(`/containers/${ID}/hostname`, '/etc/hostname')],
    expected: { containerId: ID, kubelet: false },
  },
  {
    name: 'rootless docker',
    lines: [line(`/home/deploy/.local/share/docker/containers/${ID}/hosts`, '/etc/hosts')],
    expected: { containerId: ID, kubelet: false },
  },
  {
    name: 'rootful podman',
    lines: [
      line(`/containers/storage/overlay-containers/${ID}/userdata/hostname`, '/etc/hostname'),
    ],
    expected: { containerId: ID, kubelet: false },
  },
  {
    name: 'containerd pod with its sandbox hostname',
    lines: [
      line(`/var/lib/kubelet/pods/${UID}/etc-hosts`, '/etc/hosts'),
      line(`/var/lib/kubelet/pods/${UID}/containers/app/6dcde30a`, '/dev/termination-log'),
      line(
        `/var/lib/containerd/io.containerd.grpc.v1.cri/sandboxes/${SANDBOX}/hostname`,
        '/etc/hostname',
      ),
    ],
    expected: { podUid: UID, containerName: 'app', kubelet: true },
  },
  {
    name: 'CRI-O pod with its infra container files',
    lines: [
      line(`/containers/storage/overlay-containers/${SANDBOX}/userdata/hostname`, '/etc/hostname'),
      line(`/var/lib/kubelet/pods/${UID}/containers/ledger-api/0b1c2d3e`, '/dev/termination-log'),
    ],
    expected: { podUid: UID, containerName: 'ledger-api', kubelet: true },
  },
  {
    name: 'dockershim pod with the pause container hostname',
    lines: [
      line(`/var/lib/docker/containers/${SANDBOX}/hostname`, '/etc/hostname'),
      line(
        `/var/lib/kubelet/pods/${UID}/volumes/kubernetes.io~projected/kube-api-access-x7k2p`,
        '/var/run/secrets/kubernetes.io/serviceaccount',
      ),
    ],
    expected: { podUid: UID, kubelet: true },
  },
  {
    name: 'host running docker',
    lines: [
      '22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw',
      `612 22 0:61 / /var/lib/docker/overlay2/${ID}/merged rw,relatime shared:318 - overlay overlay rw`,
    ],
    expected: { kubelet: false },
  },
  {
    name: 'container id outside the runtime mount points',
    lines: [line(`/var/lib/docker/containers/${ID}/mounts/shm`, '/dev/shm')],
    expected: { kubelet: false },
  },
  {
    name: 'escaped spaces in paths',
    lines: [line(`/srv/my\\040data/docker/containers/${ID}/hostname`, '/etc/hostname')],
    expected: { containerId: ID, kubelet: false },
  },
  { name: 'empty file', lines: [], expected: { kubelet: false } },
];

describe('parseMountinfo', () => {
  it.each(cases)('reads $name', ({ lines, expected }) => {
    expect(parseMountinfo(lines.join('\n'))).toEqual(expected);
  });
});
