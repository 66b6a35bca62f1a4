package org.sessionsdk.senhasegura.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;
import org.sessionsdk.core.http.SdkHttpRequest;

/**
 * OAuth 1.0a request signing (RFC 5849) with HMAC-SHA1: a fresh nonce and timestamp per attempt, the
 * signature base string of section 3.4.1 (method, base string URI, normalized parameters from the
 * query and the {@code oauth_*} protocol parameters), and the {@code Authorization: OAuth ...} header
 * of section 3.5.1.
 *
 * <p>Requests with a form-encoded body would need the body's parameters in the base string; the
 * senhasegura calls this SDK makes have no body, so {@link #authorize} signs query parameters only.
 */
public final class OAuth1Signer implements RequestAuth {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String consumerKey;
    private final Secret consumerSecret;
    private final Secret token;
    private final Secret tokenSecret;
    private final Clock clock;
    private final Supplier<String> nonces;

    /**
     * @param clock  timestamps ({@code oauth_timestamp}, seconds since the epoch)
     * @param nonces a source of {@code oauth_nonce} values, unique per request
     */
    public OAuth1Signer(String consumerKey, Secret consumerSecret, Secret token, Secret tokenSecret, Clock clock,
                        Supplier<String> nonces) {
        this.consumerKey = Objects.requireNonNull(consumerKey, "consumerKey");
        this.consumerSecret = Objects.requireNonNull(consumerSecret, "consumerSecret");
        this.token = Objects.requireNonNull(token, "token");
        this.tokenSecret = Objects.requireNonNull(tokenSecret, "tokenSecret");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /** 128 random bits as hex. */
    public static Supplier<String> randomNonces() {
        return () -> {
            byte[] b = new byte[16];
            RANDOM.nextBytes(b);
            return HexFormat.of().formatHex(b);
        };
    }

    @Override
    public void authorize(SdkHttpRequest.Builder request) {
        request.header("Authorization", header(request.method(), request.uri(), List.of()));
    }

    /** The {@code Authorization} header value for a request, {@code formParams} being its decoded form body. */
    public String header(String method, URI uri, List<Map.Entry<String, String>> formParams) {
        List<Map.Entry<String, String>> oauth = List.of(
                Map.entry("oauth_consumer_key", consumerKey),
                Map.entry("oauth_nonce", nonces.get()),
                Map.entry("oauth_signature_method", "HMAC-SHA1"),
                Map.entry("oauth_timestamp", Long.toString(clock.instant().getEpochSecond())),
                Map.entry("oauth_token", token.reveal()),
                Map.entry("oauth_version", "1.0"));
        List<Map.Entry<String, String>> all = new ArrayList<>(queryParams(uri));
        all.addAll(formParams);
        all.addAll(oauth);
        String signature = signature(baseString(method, uri, all), consumerSecret, tokenSecret);
        StringBuilder sb = new StringBuilder("OAuth ");
        List<Map.Entry<String, String>> out = new ArrayList<>(oauth);
        out.add(Map.entry("oauth_signature", signature));
        out.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, String> p : out) {
            sb.append(encode(p.getKey())).append("=\"").append(encode(p.getValue())).append("\", ");
        }
        sb.setLength(sb.length() - 2);
        return sb.toString();
    }

    /** Section 3.4.1: {@code METHOD&enc(base string URI)&enc(normalized parameters)}. */
    public static String baseString(String method, URI uri, List<Map.Entry<String, String>> params) {
        return method.toUpperCase(Locale.ROOT) + "&" + encode(baseUri(uri)) + "&" + encode(normalize(params));
    }

    /** Section 3.4.1.2: lower-case scheme and host, the port only when not the default, no query. */
    public static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
    }

    /**
     * Section 3.4.1.3.2: every name and value percent-encoded, sorted by name then value (byte order),
     * joined with {@code =} and {@code &}. {@code oauth_signature} and {@code realm} are left out.
     */
    public static String normalize(List<Map.Entry<String, String>> params) {
        List<String[]> encoded = new ArrayList<>(params.size());
        for (Map.Entry<String, String> p : params) {
            if (p.getKey().equals("oauth_signature") || p.getKey().equals("realm")) {
                continue;
            }
            encoded.add(new String[] {encode(p.getKey()), encode(p.getValue() == null ? "" : p.getValue())});
        }
        encoded.sort(Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]));
        StringBuilder sb = new StringBuilder();
        for (String[] e : encoded) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(e[0]).append('=').append(e[1]);
        }
        return sb.toString();
    }

    /** Section 3.4.1.3.1: the query's parameters, decoded as {@code application/x-www-form-urlencoded}. */
    public static List<Map.Entry<String, String>> queryParams(URI uri) {
        return formParams(uri.getRawQuery());
    }

    /** Decodes {@code a=1&b=x+y} (a {@code +} is a space, a name without {@code =} has an empty value). */
    public static List<Map.Entry<String, String>> formParams(String raw) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** Section 3.4.2: HMAC-SHA1 keyed with {@code enc(consumer secret)&enc(token secret)}, base64. */
    public static String signature(String baseString, Secret consumerSecret, Secret tokenSecret) {
        String key = encode(consumerSecret.reveal()) + "&" + encode(tokenSecret.reveal());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
    }

    /** Section 3.6: UTF-8, every byte but the unreserved {@code ALPHA DIGIT - . _ ~} as {@code %XX}. */
    public static String encode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "OAuth1Signer[consumerKey=" + consumerKey + ", consumerSecret=****, token=****, tokenSecret=****]";
    }
}
