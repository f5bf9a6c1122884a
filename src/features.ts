import type { AppServices } from './app';
import type { Feature } from './bot/feature';
import { escalationFeatures } from './features/escalation';
import { feedbackFeature } from './features/feedback';
import { sawPostFeature } from './features/sawPost';
import { talkingPointsFeature } from './features/talkingPoints';

/** Every feature the bot offers, built from the shared services. Each feature lives in its own module. */
export function allFeatures(services: AppServices): readonly Feature[] {
  return [
    feedbackFeature(services),
    sawPostFeature(services),
    talkingPointsFeature(services),
    ...escalationFeatures(services),
  ];
}
