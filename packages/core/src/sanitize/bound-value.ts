/**
 * The maximum length, in UTF-16 code units, of any string value we emit.
 * Long enough for a run URL with a deep branch path, short enough that one
 * misconfigured variable cannot bloat every span's resource.
 */
export const MAX_VALUE_LENGTH = 1024;

// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

// The same test as CONTROL_CHARACTERS without a regular expression, whose
// first match in a process costs more than scanning a short value.
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
      return true;
    }
  }
  return false;
}

export interface BoundedString {
  value: string;
  truncated: boolean;
}

/**
 * Removes control characters and trims a string to {@link MAX_VALUE_LENGTH},
 * never splitting a surrogate pair.
 */
export function boundString(raw: string, maxLength = MAX_VALUE_LENGTH): BoundedString {
  const cleaned = (hasControlCharacter(raw) ? raw.replace(CONTROL_CHARACTERS, '') : raw).trim();
  if (cleaned.length <= maxLength) {
    return { value: cleaned, truncated: false };
  }

  let end = maxLength;
  const last = cleaned.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) {
    end -= 1;
  }
  return { value: cleaned.slice(0, end), truncated: true };
}
