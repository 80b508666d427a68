import { diag } from '@opentelemetry/api';
import type { DetectionContext } from '../detection-context.js';
import { kubernetesFacts } from '../kubernetes/kubernetes-facts.js';
import { withinBudget } from '../within-budget.js';
import { awsEc2 } from './aws-ec2.js';
import { awsEcs } from './aws-ecs.js';
import { awsLambda } from './aws-lambda.js';
import { azureAppService } from './azure-app-service.js';
import { azureContainerApps } from './azure-container-apps.js';
import { azureVm } from './azure-vm.js';
import { dmiMarkers } from './dmi-markers.js';
import { flyIo } from './fly-io.js';
import { gce } from './gce.js';
import { googleCloud } from './google-cloud.js';
import { heroku } from './heroku.js';
import { remainingNetworkBudget } from './network-budget.js';
import type { EnvPlatform, InstancePlatform, PlatformFacts } from './platform.js';
import { vercel } from './vercel.js';

/**
 * The platforms that name themselves in environment variables, in the order
 * they are tried: the first that recognises the environment is the only one
 * that reports, so an asset is on one platform at most. Azure Functions come
 * before Container Apps because a function app can be hosted on Container Apps.
 */
export const ENV_PLATFORMS: readonly EnvPlatform[] = [
  awsLambda,
  awsEcs,
  googleCloud,
  azureAppService,
  azureContainerApps,
  flyIo,
  heroku,
  vercel,
];

/** The virtual machines whose metadata service is asked when their DMI marker is found. */
export const INSTANCE_PLATFORMS: readonly InstancePlatform[] = [awsEc2, gce, azureVm];

/**
 * Returns the platform that names itself in the environment, once per
 * detector set, with no I/O: the detectors use it to leave out, at once, the
 * keys of every platform that cannot report.
 */
export function namedPlatform(context: DetectionContext): EnvPlatform | undefined {
  return context.memo('named-platform', () =>
    ENV_PLATFORMS.find((platform) => platform.recognise(context.env)),
  );
}

async function findPlatform(context: DetectionContext): Promise<PlatformFacts | undefined> {
  // Starts the one budget here, so the file reads below count against it too.
  remainingNetworkBudget(context);

  const named = namedPlatform(context);
  if (named !== undefined) {
    return named.read(context);
  }

  // The marker reads start beside the pod's facts rather than after them, so
  // off-cloud detection waits for one round of reads, not two. In a pod their
  // result goes unused.
  const markersRead = dmiMarkers(context);

  // A pod's node is not the pod: its metadata service describes the node,
  // and is often out of a pod's reach by design (IMDSv2's hop limit of 1).
  // Facts that arrive too late count as a pod, so no service is requested.
  const pod = await withinBudget(kubernetesFacts(context), remainingNetworkBudget(context), {
    inPod: true,
  });
  if (pod.inPod) {
    diag.debug('provenance: in a Kubernetes pod; instance metadata services are not asked');
    return undefined;
  }

  const markers = await withinBudget(markersRead, remainingNetworkBudget(context), {});
  const instance = INSTANCE_PLATFORMS.find((platform) => platform.recognise(markers));
  return instance?.read(context);
}

/**
 * Finds the one platform this asset runs on and reads its facts, once per
 * detector set: first from the platforms' own variables, then, outside a
 * pod, from a virtual machine's DMI marker and its metadata service, within
 * the network budget. Resolves `undefined` off-platform. Never rejects.
 */
export function platformFacts(context: DetectionContext): Promise<PlatformFacts | undefined> {
  return context.memo('platform', () =>
    findPlatform(context).catch((error: unknown) => {
      diag.debug(`provenance: platform detection failed: ${String(error)}`);
      return undefined;
    }),
  );
}
