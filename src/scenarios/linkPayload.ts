/**
 * Where a share link's payload is in a URL or its fragment (link.ts has the format): after `s=`
 * in the fragment, or the whole fragment when it starts with a version (`v1.`). Kept apart from
 * the decoder so the page can tell, before loading the decoder, whether its address holds a link.
 */

/** The payload's text (possibly empty), or null when the input holds no link. */
export function linkPayloadIn(input: string): string | null {
  const text = input.trim();
  const hash = text.indexOf('#');
  const fragment = hash === -1 ? text : text.slice(hash + 1);
  const param = fragment.split('&').find((part) => part.startsWith('s='));
  if (param !== undefined) return param.slice(2);
  if (/^v\d/.test(fragment)) return fragment;
  return null;
}

/** Does the fragment hold a share link (`s=` or `v1.`), as opposed to another feature's part? */
export function hasLinkPayload(fragment: string): boolean {
  return linkPayloadIn(fragment) !== null;
}
