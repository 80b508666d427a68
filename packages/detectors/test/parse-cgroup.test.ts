import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCgroup } from '../src/parse/cgroup.js';

const ID = 'a3c8b1f2e4d5c6b7a8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f';
const UID = '0f6c2d4e-8a1b-4c3d-9e5f-7a6b5c4d3e2f';
const UID_UNDERSCORED = UID.replaceAll('-', '_');

// Lines in the layouts the runtimes document (Docker's cgroup drivers,
// Kubernetes' cgroupfs and systemd drivers, Podman, ECS), and the shapes
// from container-detector bug reports where a hex name is no container.
const cases: { name: string; text: string; containerId?: string; podUid?: string }[] = [
  { name: 'docker cgroupfs on v1', text: `12:memory:/docker/${ID}\n0::/`, containerId: ID },
  {
    name: 'docker systemd scope on v2',
    text: `0::/system.slice/docker-${ID}.scope`,
    containerId: ID,
  },
  {
    name: 'docker systemd on v1',
    text: `1:name=systemd:/system.slice/docker-${ID}.scope`,
    containerId: ID,
  },
  {
    name: 'CRI-O under the systemd driver',
    text: `0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${UID_UNDERSCORED}.slice/crio-${ID}.scope`,
    containerId: ID,
    podUid: UID,
  },
  {
    name: 'containerd under the systemd driver',
    text: `0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${UID_UNDERSCORED}.slice/cri-containerd-${ID}.scope`,
    containerId: ID,
    podUid: UID,
  },
  {
    name: 'containerd under the cgroupfs driver',
    text: `11:devices:/kubepods/besteffort/pod${UID}/${ID}`,
    containerId: ID,
    podUid: UID,
  },
  {
    name: 'containerd seen from the host hierarchy',
    text: `0::/system.slice/containerd.service/kubepods-burstable-pod${UID_UNDERSCORED}.slice:cri-containerd:${ID}`,
    containerId: ID,
  },
  {
    name: 'kind node nesting containerd in docker',
    text: `0::/system.slice/docker-${'b'.repeat(64)}.scope/kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-besteffort.slice/kubelet-kubepods-besteffort-pod${UID_UNDERSCORED}.slice/cri-containerd-${ID}.scope`,
    containerId: ID,
    podUid: UID,
  },
  {
    name: 'rootless podman on v2',
    text: `0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-${ID}.scope/container`,
    containerId: ID,
  },
  {
    name: 'ECS on EC2',
    text: `3:cpu:/ecs/67644b5645261954a04cc8541e6a91dd/${ID}`,
    containerId: ID,
  },
  { name: 'podman conmon scope', text: `0::/machine.slice/libpod-conmon-${ID}.scope` },
  { name: 'systemd service with a hex stem', text: `0::/system.slice/${ID}.service` },
  { name: 'custom cgroup parent', text: `0::/actions_job/${ID}` },
  {
    name: 'hex under an unrelated cgroup',
    text: '4:memory:/process_api/a572f0b5948a9783d5e22330f806459b',
  },
  { name: 'private cgroup namespace', text: '0::/' },
  { name: 'login session', text: '0::/user.slice/user-1000.slice/session-2.scope' },
  { name: 'empty file', text: '' },
];

describe('parseCgroup', () => {
  it.each(cases)('reads $name', ({ text, containerId, podUid }) => {
    const facts = parseCgroup(text);

    expect(facts.containerId).toBe(containerId);
    expect(facts.podUid).toBe(podUid);
  });

  it('finds no id in the development machine cgroup', () => {
    // Copied from /proc/self/cgroup of the sandboxed machine these tests were
    // written on: its memory path ends in a 32-hex segment under /process_api/.
    const text = readFileSync(
      new URL('./fixtures/development-machine.cgroup', import.meta.url),
      'utf8',
    );

    expect(parseCgroup(text)).toEqual({});
  });

  it('takes the id from v1 lines beside an unrelated unified line', () => {
    const text = [`4:rdma:/`, `2:memory:/docker/${ID}`, '0::/system.slice/containerd.service'].join(
      '\n',
    );

    expect(parseCgroup(text)).toEqual({ containerId: ID });
  });
});
