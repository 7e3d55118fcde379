import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { configError } from '../errors.js';
import type { BrandContext } from '../rules/brand-context.js';
import type { RuleOverride } from '../rules/rule-schema.js';
import { TRAITS } from '../rules/kinds/voice.js';
import { BrandProfile } from './brand-schema.js';
import { parseYaml, validate, type YamlSource } from '../yaml-source.js';

export const CONFIG_NAMES = ['presence.yaml', 'presence.yml'];

export interface LoadedConfig {
  profile: BrandProfile;
  brand: BrandContext;
  /** Rule overrides: the profile's own, then those its voice settings imply. */
  overrides: Record<string, RuleOverride>;
  /** Extra rule files, absolute. */
  ruleFiles: string[];
  /** Where the profile was read from, if anywhere. */
  file?: string;
  source?: YamlSource;
}

/**
 * Reads `--config FILE`; or the nearest presence.yaml from the working directory up to the
 * repository's root (the folder holding `.git`), as linters find theirs; or, with `--no-config`
 * (`false`) or none found, nothing: the defaults.
 */
export async function loadConfig(explicit: string | false | undefined, cwd: string): Promise<LoadedConfig> {
  const file = explicit === false ? undefined : explicit ? path.resolve(cwd, explicit) : await findConfig(cwd);
  if (!file) return fromProfile(BrandProfile.parse({}));
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw configError({ file: explicit || file }, 'cannot read the brand profile');
  }
  const display = path.relative(cwd, file) || file;
  const source = parseYaml(text, display);
  const profile = validate(BrandProfile, source.value ?? {}, source);
  return { ...fromProfile(profile, path.dirname(file)), file: display, source };
}

async function findConfig(cwd: string): Promise<string | undefined> {
  const exists = (file: string) =>
    access(file).then(
      () => true,
      () => false,
    );
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_NAMES) if (await exists(path.join(dir, name))) return path.join(dir, name);
    if ((await exists(path.join(dir, '.git'))) || path.dirname(dir) === dir) return undefined;
  }
}

function fromProfile(profile: BrandProfile, dir = '.'): LoadedConfig {
  return {
    profile,
    brand: { name: profile.brand.name, domains: profile.brand.domains, products: profile.brand.products, handles: profile.brand.handles },
    overrides: { ...voiceOverrides(profile.voice), ...profile.rules },
    ruleFiles: profile['rule-files'].map((file) => path.resolve(dir, file)),
  };
}

/** The voice section is shorthand for parameters of the built-in brand-voice rules. */
function voiceOverrides(voice: BrandProfile['voice']): Record<string, RuleOverride> {
  const overrides: Record<string, RuleOverride> = {};
  if (voice.avoid.length) overrides['brand-voice/avoid-words'] = { phrases: voice.avoid };
  if (Object.keys(voice.prefer).length) overrides['brand-voice/preferred-terms'] = { swap: voice.prefer };
  if (voice.exclamation === 'freely') overrides['brand-voice/exclamation'] = 'off';
  if (voice.exclamation === 'never') overrides['brand-voice/exclamation'] = { max: 0 };
  if (voice.exclamation === 'sparingly') overrides['brand-voice/exclamation'] = { max: 1 };
  if (voice['max-emoji'] !== undefined) overrides['brand-voice/emoji-load'] = { max: voice['max-emoji'] };
  if (voice['max-caps-words'] !== undefined) overrides['brand-voice/all-caps'] = { max: voice['max-caps-words'] };
  const markers = Object.assign({}, ...voice.traits.map((trait) => TRAITS[trait]), voice.markers);
  if (Object.keys(markers).length) overrides['brand-voice/voice-profile'] = { markers };
  return overrides;
}
