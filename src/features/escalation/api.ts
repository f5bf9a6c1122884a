/**
 * What other features may use of escalation (the tabs' case board): which channel an office has, and the
 * visible effects of a change to a case, exactly as a click on the case card has them.
 */
export { OfficeDirectory } from './officeChannels';
export { caseChangeEffects, type CaseChange, type CaseChangeAction } from './effects';
