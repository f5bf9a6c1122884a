import type { OfficeId } from '../../domain/cases/types';
import { t, type Lang } from '../../i18n';

/**
 * An office's name in the grammatical forms sentences need. English only needs the bare name ("the
 * {office}"); French contracts the article with the preposition ("au bureau…", "à l’Ombud", "du bureau…",
 * "de l’Ombud"), so messages take whichever form they need: {office}, {the}, {to}, {of}, {by}.
 */
export function officeWords(lang: Lang, office: OfficeId) {
  return {
    office: t(lang, `escalation.office.${office}`),
    the: t(lang, `escalation.officeThe.${office}`),
    to: t(lang, `escalation.officeTo.${office}`),
    of: t(lang, `escalation.officeOf.${office}`),
    by: t(lang, `escalation.officeBy.${office}`),
  };
}
