package org.sessionsdk.core.internal.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A binary form for a feed's largest table, kept in one checkpoint value as base64url of the deflated
 * bytes. Text costs a random hex id more than its entropy even deflated (a hex digit is half a byte,
 * a deflated one about 0.55); here sorted ids are front-coded and their rest written as what it is:
 * hex digits two to a byte, a run of decimal digits as one number, anything else as UTF-8. Whole
 * numbers are variable-length (small deltas take a byte or two).
 */
final class PackedBytes {
    private static final int MAX_INFLATED = 64 * 1024 * 1024;
    private static final int UTF8 = 0;
    private static final int HEX = 1;
    private static final int DIGITS = 2;

    private PackedBytes() {
    }

    /** Writes numbers and front-coded ids. */
    static final class Writer {
        /** The numbers (ids' heads, columns); apart from the ids' bytes, so each part deflates on its own terms. */
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
        private String previous = "";

        Writer number(long n) {
            long v = (n << 1) ^ (n >> 63); // zig-zag: small negatives stay small
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
            return this;
        }

        /**
         * Writes a column of non-negative numbers at one width, the fewest bits the largest needs: a
         * column of starts spread over hours then takes two bytes a row where variable-length numbers
         * took three.
         */
        Writer column(long[] values) {
            long max = 0;
            for (long v : values) {
                if (v < 0) {
                    throw new IllegalArgumentException("a column holds non-negative numbers");
                }
                max = Math.max(max, v);
            }
            int width = 64 - Long.numberOfLeadingZeros(max);
            out.write(width);
            long acc = 0;
            int held = 0;
            for (long v : values) {
                for (int b = width - 1; b >= 0; b--) {
                    acc = acc << 1 | (v >>> b & 1);
                    if (++held == 8) {
                        out.write((int) acc);
                        acc = 0;
                        held = 0;
                    }
                }
            }
            if (held > 0) {
                out.write((int) (acc << (8 - held)));
            }
            return this;
        }

        /** Writes an id after the previous one (ascending order pays). */
        Writer id(String id) {
            int shared = 0;
            int max = Math.min(previous.length(), id.length());
            while (shared < max && previous.charAt(shared) == id.charAt(shared)) {
                shared++;
            }
            if (shared > 0 && Character.isHighSurrogate(id.charAt(shared - 1))) {
                shared--;
            }
            String rest = id.substring(shared);
            if (!rest.isEmpty() && rest.length() <= 18 && rest.charAt(0) != '0' && rest.chars().allMatch(c -> c >= '0' && c <= '9')) {
                number(shared * 4L + DIGITS).number(id.length()).number(Long.parseLong(rest));
            } else if (!rest.isEmpty() && rest.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                // the whole id's length, not the rest's: ids of one form have one length, which deflates to nothing
                number(shared * 4L + HEX).number(id.length());
                for (int k = 0; k < rest.length(); k += 2) {
                    int hi = Character.digit(rest.charAt(k), 16);
                    int lo = k + 1 < rest.length() ? Character.digit(rest.charAt(k + 1), 16) : 0;
                    payload.write(hi << 4 | lo);
                }
            } else {
                byte[] b = rest.getBytes(StandardCharsets.UTF_8);
                number(shared * 4L + UTF8).number(b.length);
                payload.write(b, 0, b.length);
            }
            previous = id;
            return this;
        }

        /** {@return the bytes deflated, as base64url text} */
        String text() {
            ByteArrayOutputStream all = new ByteArrayOutputStream(out.size() + payload.size() + 10);
            long n = out.size();
            while ((n & ~0x7FL) != 0) {
                all.write((int) ((n & 0x7F) | 0x80));
                n >>>= 7;
            }
            all.write((int) n);
            all.writeBytes(out.toByteArray());
            all.writeBytes(payload.toByteArray());
            byte[] raw = all.toByteArray();
            Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
            try {
                d.setInput(raw);
                d.finish();
                ByteArrayOutputStream z = new ByteArrayOutputStream(raw.length / 2 + 64);
                byte[] buf = new byte[16384];
                while (!d.finished()) {
                    z.write(buf, 0, d.deflate(buf));
                }
                return Base64.getUrlEncoder().withoutPadding().encodeToString(z.toByteArray());
            } finally {
                d.end();
            }
        }
    }

    /** Reads what a {@link Writer} wrote; every damage is an {@link IllegalArgumentException}. */
    static final class Reader {
        private final byte[] in;
        private int pos;
        /** Where the numbers end and the ids' bytes begin, and the position in those. */
        private int end;
        private int bytes;
        private String previous = "";

        Reader(String text) {
            byte[] z;
            try {
                z = Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw damaged(e);
            }
            Inflater inf = new Inflater(true);
            try {
                inf.setInput(z);
                ByteArrayOutputStream raw = new ByteArrayOutputStream(z.length * 2);
                byte[] buf = new byte[16384];
                while (!inf.finished()) {
                    int n = inf.inflate(buf);
                    if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                        throw damaged(null);
                    }
                    raw.write(buf, 0, n);
                    if (raw.size() > MAX_INFLATED) {
                        throw damaged(null);
                    }
                }
                in = raw.toByteArray();
            } catch (DataFormatException e) {
                throw damaged(e);
            } finally {
                inf.end();
            }
            end = in.length;
            long metaLength = 0;
            for (int shift = 0; ; shift += 7) {
                if (pos >= in.length || shift > 28) {
                    throw damaged(null);
                }
                int b = in[pos++];
                metaLength |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (metaLength > in.length - pos) {
                throw damaged(null);
            }
            end = pos + (int) metaLength;
            bytes = end;
        }

        long[] column(int rows) {
            if (pos >= end) {
                throw damaged(null);
            }
            int width = in[pos++];
            if (width < 0 || width > 63 || (long) rows * width > (end - pos) * 8L) {
                throw damaged(null);
            }
            long[] out = new long[rows];
            int bit = 0;
            for (int r = 0; r < rows; r++) {
                long v = 0;
                for (int b = 0; b < width; b++, bit++) {
                    v = v << 1 | (in[pos + (bit >> 3)] >> (7 - (bit & 7)) & 1);
                }
                out[r] = v;
            }
            pos += (bit + 7) >> 3;
            return out;
        }

        boolean done() {
            return pos == end && bytes == in.length;
        }

        long number() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw damaged(null);
                }
                int b = in[pos++];
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return (v >>> 1) ^ -(v & 1);
                }
            }
            throw damaged(null);
        }

        String id() {
            long head = number();
            long shared = head >> 2;
            int form = (int) (head & 3);
            long whole = number();
            long len = form == UTF8 ? whole : whole - shared;
            if (shared < 0 || shared > previous.length() || len < 0 || len > (in.length - bytes) * 2L + 20) {
                throw damaged(null);
            }
            String rest;
            if (form == DIGITS) {
                rest = Long.toString(number());
                if (rest.length() != len) {
                    throw damaged(null);
                }
            } else if (form == HEX) {
                StringBuilder s = new StringBuilder((int) len);
                for (int k = 0; k < len; k += 2) {
                    if (bytes >= in.length) {
                        throw damaged(null);
                    }
                    int b = in[bytes++] & 0xFF;
                    s.append(Character.forDigit(b >> 4, 16));
                    if (k + 1 < len) {
                        s.append(Character.forDigit(b & 15, 16));
                    }
                }
                rest = s.toString();
            } else if (form == UTF8) {
                if (bytes + len > in.length) {
                    throw damaged(null);
                }
                rest = new String(in, bytes, (int) len, StandardCharsets.UTF_8);
                bytes += (int) len;
            } else {
                throw damaged(null);
            }
            previous = previous.substring(0, (int) shared) + rest;
            return previous;
        }

        private static IllegalArgumentException damaged(Exception cause) {
            return new IllegalArgumentException("a damaged checkpoint: a packed table", cause);
        }
    }
}
