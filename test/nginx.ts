/**
 * A real remote cache for tests: Debian's nginx with its WebDAV module (PUT/GET/HEAD into a temporary
 * folder), on 127.0.0.1 and a free port, with its own config, pid, logs and temp folders. Started and
 * stopped by the test. nginx's workers run as `nobody` when the master runs as root, so the folders are
 * made writable for them.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Nginx {
  readonly url: string;
  /** The WebDAV root: `ac/` and `cas/` appear here. */
  readonly root: string;
  /** Request lines of the access log (`METHOD /path STATUS`). */
  requests(): string[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
  const { port } = probe;
  probe.stop(true);
  return port;
}

async function listening(url: string, proc: ReturnType<typeof Bun.spawn>): Promise<boolean> {
  for (let i = 0; i < 200 && proc.exitCode === null; i++) {
    try {
      await fetch(`${url}/`, { method: "HEAD" });
      return true;
    } catch {
      await Bun.sleep(25);
    }
  }
  return false;
}

/** Starts nginx; with `bearer`, every request without `Authorization: Bearer <bearer>` is refused with 401. */
export async function startNginx(options: { bearer?: string } = {}): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), "trifecta-nginx-"));
  chmodSync(dir, 0o755);
  const root = join(dir, "root");
  for (const sub of ["root", "body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    mkdirSync(join(dir, sub));
    chmodSync(join(dir, sub), 0o777);
  }
  const auth = options.bearer ? `if ($http_authorization != "Bearer ${options.bearer}") { return 401; }` : "";
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const conf = `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 512; }
http {
  access_log ${dir}/access.log;
  log_format short '$request_method $uri $status';
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 256m;
  server {
    listen 127.0.0.1:${port};
    access_log ${dir}/access.log short;
    root ${root};
    location / {
      ${auth}
      dav_methods PUT DELETE;
      create_full_put_path on;
      dav_access user:rw group:rw all:rw;
    }
  }
}
`;
    writeFileSync(join(dir, "nginx.conf"), conf);
    const proc = Bun.spawn([Bun.which("nginx") ?? "/usr/sbin/nginx", "-p", dir, "-e", join(dir, "error.log"), "-c", join(dir, "nginx.conf")], { stdout: "ignore", stderr: "pipe" });
    const url = `http://127.0.0.1:${port}`;
    if (await listening(url, proc)) {
      return {
        url,
        root,
        requests: () => (existsSync(join(dir, "access.log")) ? readFileSync(join(dir, "access.log"), "utf8").split("\n").filter(Boolean) : []),
        async stop() {
          proc.kill("SIGTERM");
          await proc.exited;
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    proc.kill("SIGKILL");
    await proc.exited;
    // Another process took the port between the probe and nginx's bind: try another one.
    if (attempt >= 3) throw new Error(`nginx did not start: ${existsSync(join(dir, "error.log")) ? readFileSync(join(dir, "error.log"), "utf8") : "no log"}`);
  }
}
