export { foldText, POLISH_LETTER_VARIANTS, sameFolded } from './fold.ts';
export { normaliseNip } from './nip.ts';
export { toPolishE164, toPolishNationalNumber } from './phone.ts';
export type { LookupCriterion, LookupKind } from './lookup-key.ts';
export {
  DEFAULT_LOOKUP_FIRST,
  formatLookupKey,
  isAllegroRelayEmail,
  LOOKUP_KINDS,
  MAX_LOOKUP_FIRST,
  MAX_LOOKUP_VALUE_LENGTH,
  normaliseCriterion,
  parseLookupKey,
} from './lookup-key.ts';
export type { ChannelIdentityModel, IdentityKindName, IdentityRuleName, IdentitySourceName } from './channel-identity.ts';
