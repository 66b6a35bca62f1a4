package org.sessionsdk.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generated inputs for the parser fuzzing: valid sample bodies, cut at every length first, then mutated
 * (bytes flipped, inserted, deleted, ranges repeated, samples spliced, tokens of JSON and XML inserted,
 * huge numbers, deep nesting, invalid UTF-8, nulls where objects are expected). Seeded and
 * deterministic: input {@code i} of a given seed list is always the same bytes.
 */
final class Mutator {
    private static final String[] TOKENS = {"{", "}", "[", "]", "\"", ":", ",", "<", ">", "/>", "</", "&", "&amp;",
            "&#0;", "&#x110000;", "]]>", "<![CDATA[", "<!--", "-->", "<?xml version=\"1.0\"?>", "null", "true", "false",
            "\"\"", "0", "-0", "-1", "1e999", "-1e-999", "99999999999999999999999999999999", "9223372036854775808",
            "-9223372036854775809", "2147483648", "NaN", "\\u0000", "\\ud800", "\u0000", "\uFFFF", "\uD83D\uDE00",
            "{\"a\":", "<x>", "</x>", "<result>", "</result>", "<status>error</status>", "<errcode>x</errcode>",
            "<!DOCTYPE p [<!ENTITY e \"x\">]>", "&e;", "<event>", "</event>", "\"message\":\"{\\\"errorCode\\\":",
            "\"remote_sessions\":", "\"response\":{", "\"error\":true", "\"expires_in\":", "\"access_token\":",
            "0000-00-00 00:00:00", "2026-13-45T99:99:99", "9999999999999:99:99"};
    private static final byte[][] INVALID_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}};

    private final List<byte[]> seeds;
    private final int truncations;

    Mutator(List<String> seeds) {
        this.seeds = seeds.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        int t = 0;
        for (byte[] s : this.seeds) {
            t += s.length;
        }
        this.truncations = t;
    }

    /** Input number {@code i}: the first ones cut every seed at every length, the rest are mutations. */
    byte[] input(long i) {
        if (i < truncations) {
            long left = i;
            for (byte[] s : seeds) {
                if (left < s.length) {
                    return java.util.Arrays.copyOf(s, (int) left);
                }
                left -= s.length;
            }
        }
        Random r = new Random(0x5eed_0000L ^ (i * 0x9E3779B97F4A7C15L));
        byte[] b = seeds.get(r.nextInt(seeds.size()));
        int rounds = 1 + r.nextInt(r.nextInt(10) < 8 ? 3 : 12);
        for (int k = 0; k < rounds; k++) {
            b = mutate(b, r);
        }
        return b;
    }

    private byte[] mutate(byte[] b, Random r) {
        int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
        switch (r.nextInt(12)) {
            case 0 -> { // truncate
                return java.util.Arrays.copyOf(b, at);
            }
            case 1 -> { // flip bits of one byte
                if (b.length > 0) {
                    b = b.clone();
                    b[Math.min(at, b.length - 1)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 2 -> { // a random byte
                return splice(b, at, at, new byte[] {(byte) r.nextInt(256)});
            }
            case 3 -> { // delete a range
                int end = Math.min(b.length, at + 1 + r.nextInt(16));
                return splice(b, at, end, new byte[0]);
            }
            case 4, 5, 6 -> { // a token, replacing a few bytes or not
                byte[] tok = TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
                int end = r.nextBoolean() ? at : Math.min(b.length, at + r.nextInt(8));
                return splice(b, at, end, tok);
            }
            case 7 -> { // repeat a range
                int end = Math.min(b.length, at + 1 + r.nextInt(64));
                byte[] part = java.util.Arrays.copyOfRange(b, Math.min(at, end), end);
                return splice(b, end, end, part);
            }
            case 8 -> { // splice another sample in
                byte[] other = seeds.get(r.nextInt(seeds.size()));
                int from = other.length == 0 ? 0 : r.nextInt(other.length);
                int to = Math.min(other.length, from + r.nextInt(200));
                return splice(b, at, Math.min(b.length, at + r.nextInt(32)), java.util.Arrays.copyOfRange(other, from, to));
            }
            case 9 -> { // invalid UTF-8
                return splice(b, at, at, INVALID_UTF8[r.nextInt(INVALID_UTF8.length)]);
            }
            case 10 -> { // deep nesting
                String open = switch (r.nextInt(4)) {
                    case 0 -> "[";
                    case 1 -> "{\"a\":";
                    case 2 -> "<a>";
                    default -> "{\"response\":";
                };
                return splice(b, at, at, open.repeat(1 + r.nextInt(3000)).getBytes(StandardCharsets.UTF_8));
            }
            default -> { // null or a huge value where something else stood
                String v = switch (r.nextInt(4)) {
                    case 0 -> "null";
                    case 1 -> "9".repeat(1 + r.nextInt(2000));
                    case 2 -> "\"" + "x".repeat(r.nextInt(70_000)) + "\"";
                    default -> "x".repeat(r.nextInt(300_000));
                };
                return splice(b, at, Math.min(b.length, at + r.nextInt(24)), v.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        from = Math.max(0, Math.min(from, b.length));
        to = Math.max(from, Math.min(to, b.length));
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, from);
        out.write(insert, 0, insert.length);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }
}
