package dev.cascade.server;

import dev.cascade.output.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before they reach the API (a malformed or ambiguous path like {@code /%00}, headers over
 * 8 KB) get the API's JSON error shape too, rather than Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, body(code, message), callback);
    }

    @Override
    public ByteBuffer badMessageError(int code, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("X-Content-Type-Options", "nosniff");
        return body(code, reason);
    }

    private static ByteBuffer body(int code, String message) {
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        String o = Json.MAPPER.createObjectNode().put("error", reason.length() > 100 ? reason.substring(0, 100) : reason)
                .put("status", code).toString(); // text only: no number but the status
        return ByteBuffer.wrap(o.getBytes(StandardCharsets.UTF_8));
    }
}
