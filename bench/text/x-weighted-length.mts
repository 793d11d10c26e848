/**
 * Micro-benchmark of core's X weighted-length parser (`parseXText`) against the earlier algorithm,
 * which ran the emoji regex at every index, normalised every text and scanned every text for URLs.
 * Both run in this process on the same inputs, so read the ratios, not the absolute timings (the
 * machine is shared). It also checks that both give the same result for every input.
 *
 * Run: `pnpm run build && pnpm --filter @growthhub/bench run text-x-weighted-length`.
 */
import { findUrlSpans, parseXText, X_TEXT_CONFIG_V3, type XTextLength } from '@growthhub/core';

const INPUTS: Record<string, string> = {
  'ASCII caption with hashtags': `New in the shop: hand-thrown stoneware mugs, glazed in small batches and fired twice. Each one is a little different. #pottery #handmade #ceramics`,
  'ASCII caption with a link': `Spring sale: 20% off all planters until Sunday. Free shipping over $50. https://kiln.example.com/sale?utm_source=x #sale`,
  'caption with emoji': `Fresh out of the kiln 🔥✨ Our new speckled bowls are here 👩‍🎨🏺 Which glaze is your favourite? 💙💚 #handmade`,
  'accented caption': `Café crème, théière et tasses : la collection d'été est arrivée. Découvrez-la en boutique ! #céramique`,
  'CJK caption': '新しいマグカップが入荷しました。手作りの陶器をお楽しみください。 #陶芸',
};

// biome-ignore lint/complexity/useRegexLiterals: TypeScript accepts the v flag in a literal only when targeting ES2024.
const EMOJI_AT = new RegExp('\\p{RGI_Emoji}|[#*0-9]\\u{FE0F}?\\u{20E3}', 'vy');
const ROUNDS = 20_000;
console.log(`${ROUNDS} parses per input; time ratio earlier / now (higher is better)`);
for (const [name, text] of Object.entries(INPUTS)) {
  if (JSON.stringify(parseXText(text)) !== JSON.stringify(earlierParseXText(text))) {
    throw new Error(`The parsers disagree on "${name}".`);
  }
  const earlierMs = timeOf(() => earlierParseXText(text));
  const nowMs = timeOf(() => parseXText(text));
  console.log(`${name.padEnd(30)} ${(earlierMs / nowMs).toFixed(1)}×`);
}

function timeOf(parse: () => XTextLength): number {
  for (let round = 0; round < 2_000; round++) parse();
  const start = performance.now();
  for (let round = 0; round < ROUNDS; round++) parse();
  return performance.now() - start;
}

/** The earlier algorithm, kept here only as the yardstick. */
function earlierParseXText(text: string): XTextLength {
  const config = X_TEXT_CONFIG_V3;
  const normalized = text.normalize('NFC');
  const urlEnds = new Map(findUrlSpans(normalized).map((span) => [span.start, span.end]));
  const limit = config.maxWeightedTweetLength * config.scale;
  let weighted = 0;
  let valid = true;
  let validRangeEnd = 0;
  let index = 0;
  while (index < normalized.length) {
    const urlEnd = urlEnds.get(index);
    if (urlEnd !== undefined) {
      weighted += config.transformedURLLength * config.scale;
      index = urlEnd;
    } else {
      EMOJI_AT.lastIndex = index;
      const emojiLength = EMOJI_AT.exec(normalized)?.[0].length ?? 0;
      if (emojiLength > 0) {
        weighted += config.defaultWeight;
        index += emojiLength;
      } else {
        const codePoint = normalized.codePointAt(index) ?? 0;
        const range = config.ranges.find((each) => codePoint >= each.start && codePoint <= each.end);
        weighted += range?.weight ?? config.defaultWeight;
        index += codePoint > 0xffff ? 2 : 1;
        if (codePoint === 0xfffe || codePoint === 0xfeff || codePoint === 0xffff) valid = false;
      }
    }
    if (valid && weighted <= limit) validRangeEnd = index - 1;
  }
  const weightedLength = weighted / config.scale;
  return {
    weightedLength,
    valid: valid && weightedLength > 0 && weightedLength <= config.maxWeightedTweetLength,
    permillage: Math.floor((weightedLength / config.maxWeightedTweetLength) * 1000),
    validRangeStart: 0,
    validRangeEnd,
  };
}
