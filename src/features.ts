import type { AppServices } from './app';
import type { Feature } from './bot/feature';

/** Every feature the bot offers, built from the shared services. Each feature lives in its own module. */
export function allFeatures(_services: AppServices): readonly Feature[] {
  return [];
}
