import type { FindingData } from '../model/finding.js';

/** What `{platform}` reads in the message of a finding about every network at once. */
export const ALL_PLATFORMS = 'all platforms';

type Render = (data: FindingData, platform: string) => string;

/** Each template split once into its text and its keys: a large audit renders tens of thousands of messages. */
const compiled = new Map<string, Render>();

/**
 * Renders a rule's `{placeholder}` template from a finding's data; `{platform}` is the network the
 * finding is about. `{key|word|words}` is the number and the noun that agrees with it ("1 word",
 * "3 words"). Unknown placeholders stay as written.
 */
export function renderMessage(template: string, data: FindingData, platform: string): string {
  let render = compiled.get(template);
  if (!render) compiled.set(template, (render = compile(template)));
  return render(data, platform);
}

function compile(template: string): Render {
  // Split with a capturing group: text at even indexes, placeholders at odd ones.
  const parts = template.split(/\{([\w-]+(?:\|[^|{}]+\|[^|{}]+)?)\}/);
  return (data, platform) => {
    let text = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const [key, one, many] = parts[i]!.split('|') as [string, string?, string?];
      const value = key === 'platform' ? platform : key in data ? String(data[key]) : undefined;
      const rendered = value === undefined ? `{${parts[i]}}` : one === undefined ? value : `${value} ${value === '1' ? one : many}`;
      text += rendered + parts[i + 1]!;
    }
    return text;
  };
}
