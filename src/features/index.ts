import type { AppServices } from '../platform/app';
import type { Feature } from '../platform/feature';
import { escalationFeatures } from './escalation/feature';
import { feedbackFeature } from './feedback/feature';
import { sawPostFeature } from './sawPost/feature';
import { tabsFeature } from './tabs/feature';
import { talkingPointsFeature } from './talkingPoints/feature';

/** Every feature the bot offers, built from the shared services. Each feature lives in its own module. */
export function allFeatures(services: AppServices): readonly Feature[] {
  return [
    feedbackFeature(services),
    sawPostFeature(services),
    talkingPointsFeature(services),
    ...escalationFeatures(services),
    tabsFeature(services),
  ];
}
