import type { DetectionContext } from '../detection-context.js';
import { readShortFile } from '../io/read-file.js';
import type { DmiMarkers } from './platform.js';

const FILES: Record<keyof DmiMarkers, string> = {
  sysVendor: '/sys/class/dmi/id/sys_vendor',
  productName: '/sys/class/dmi/id/product_name',
  boardVendor: '/sys/class/dmi/id/board_vendor',
  biosVendor: '/sys/class/dmi/id/bios_vendor',
  biosVersion: '/sys/class/dmi/id/bios_version',
  chassisAssetTag: '/sys/class/dmi/id/chassis_asset_tag',
  hypervisorUuid: '/sys/hypervisor/uuid',
};

async function readMarkers(root: string): Promise<DmiMarkers> {
  const entries = await Promise.all(
    Object.entries(FILES).map(async ([key, path]) => {
      const value = (await readShortFile(root, path))?.trim();
      return [key, value === '' ? undefined : value] as const;
    }),
  );
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

/**
 * Reads the DMI identity files under `root`, once per detector set. A file
 * that is missing (containers often hide `/sys`) is left out. Never rejects.
 */
export function dmiMarkers(context: DetectionContext): Promise<DmiMarkers> {
  return context.memo('dmi', () => readMarkers(context.root));
}

/**
 * Reports Amazon EC2: Nitro instances name Amazon in DMI, and Xen instances
 * have `amazon` in the BIOS version or an `ec2` hypervisor id.
 */
export function isEc2(markers: DmiMarkers): boolean {
  return (
    markers.sysVendor === 'Amazon EC2' ||
    markers.boardVendor === 'Amazon EC2' ||
    /amazon/i.test(markers.biosVersion ?? '') ||
    /^ec2/i.test(markers.hypervisorUuid ?? '')
  );
}

/** Reports Google Compute Engine by its product name, or Google as the vendor. */
export function isGce(markers: DmiMarkers): boolean {
  return (
    markers.productName === 'Google Compute Engine' ||
    markers.sysVendor === 'Google' ||
    markers.biosVendor === 'Google'
  );
}

// Every Azure VM carries this chassis asset tag; a Hyper-V VM elsewhere has
// the same vendor and product name but not the tag.
const AZURE_ASSET_TAG = '7783-7084-3265-9085-8269-3286-77';

/** Reports an Azure virtual machine by its chassis asset tag. */
export function isAzureVm(markers: DmiMarkers): boolean {
  return markers.chassisAssetTag === AZURE_ASSET_TAG;
}
