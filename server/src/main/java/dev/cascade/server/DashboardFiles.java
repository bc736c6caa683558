package dev.cascade.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The dashboard's files and the ECharts webjar, read from the class path. Not Javalin's static-file handler:
 * that mounts the whole jar as a zip file system (Jetty's resource factory), whose index of the jar's 19,000
 * entries took about 7 MB of heap for the life of the server, to serve five files.
 */
final class DashboardFiles {
    /** A file name of the dashboard: no directories, one of the types below. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+\\.(html|js|css|ico|svg|png|map)");
    /** A path inside the webjars: segments of safe characters, none of them {@code .} or {@code ..}. */
    private static final Pattern WEBJAR = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*"
            + "[A-Za-z0-9_-][A-Za-z0-9._-]*\\.(js|css|map|txt)|(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*LICENSE");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "ico", "image/x-icon",
            "svg", "image/svg+xml", "png", "image/png", "map", "application/json", "txt", "text/plain; charset=utf-8");

    private DashboardFiles() {
    }

    /** Adds the routes; after every other route, so that {@code /{file}} takes only what nothing else does. */
    static void routes(RoutesConfig r) {
        r.get("/", ctx -> send(ctx, "/dashboard/index.html"));
        r.get("/webjars/<path>", ctx -> {
            String path = ctx.pathParam("path");
            send(ctx, WEBJAR.matcher(path).matches() ? "/META-INF/resources/webjars/" + path : null);
        });
        r.get("/{file}", ctx -> {
            String file = ctx.pathParam("file");
            send(ctx, NAME.matcher(file).matches() ? "/dashboard/" + file : null);
        });
    }

    private static void send(Context ctx, String resource) throws IOException {
        InputStream in = resource == null ? null : DashboardFiles.class.getResourceAsStream(resource);
        if (in == null) {
            ctx.status(404); // no content type: the server's handler answers as for any unknown path
            return;
        }
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "txt";
        ctx.contentType(TYPES.getOrDefault(ext, "text/plain; charset=utf-8")).result(in);
    }
}
