// Owns opening the services for a CLI command on a data folder (no system opener: the CLI
// never opens links).
import { join } from 'node:path';
import { openServices, type Services } from '../../services';
import { ROOT } from '../args';

export async function openCliServices(
  dataDir: string,
  collectionDir: string | null = null,
): Promise<Services> {
  const services = await openServices({
    resourcesDir: join(ROOT, 'resources'),
    dataDir,
    collectionDir,
    openExternal: async () => undefined,
  });
  if (services.annotations.problem) console.error(services.annotations.problem.sv);
  return services;
}
