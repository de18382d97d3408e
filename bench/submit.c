/* kehu-submit: load on the public complaint form at a fixed rate, as many
 * customers would make it.
 *
 *   kehu-submit [--host H] [--port P] [--rate N] [--seconds S]
 *               [--threads T] [--attach-every K] [--resubmit-every R]
 *               [--net A] [--out FILE]
 *
 * Submission i starts at t0 + i/rate (open loop: a slow server does not
 * slow the schedule down, and latency is measured from the scheduled
 * start). Each submission is one customer on its own loopback address
 * (127.A.x.y; Linux accepts all of 127.0.0.0/8), so nginx's per-address
 * limit_req and the program's own throttle stay in force and are not hit:
 *   GET /complaint          the CSRF cookie and the form's token
 *   POST /complaint         multipart; expects 303 to /complaint/receipt?k=<token>
 *   GET the receipt         the tracking number
 * Every K-th submission carries a small PNG; every R-th acknowledged one
 * sends the same form again (same token) and must get the same tracking
 * number back. Acknowledged submissions are written to FILE as
 * "tracking_no<TAB>token" lines for bench/submit.sh to check against the
 * database. Prints achieved rate, latency percentiles and errors. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static const char *host = "127.0.0.1";
static int port = 8080, rate = 200, seconds = 60, nthreads = 64;
static int attach_every = 10, resubmit_every = 50, net = 1;
static const char *out_path = "submit-acks.tsv";

static long total;                 /* submissions scheduled */
static double t0;
static atomic_long next_job;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static FILE *out;

enum { E_CONNECT, E_FORM, E_POST, E_RECEIPT, E_RESUBMIT, E_IO, NERR };
static const char *err_names[NERR] = {
  "connect", "form (GET /complaint)", "submit (POST)", "receipt", "resubmit mismatch", "i/o",
};
static long errors[NERR], status_seen[600];
static long ok, resubmits_ok;
static double *lat_submit, *lat_flow;   /* seconds, one per acknowledged submission */
static double last_done;

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "kehu-submit: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n");
  va_end(ap);
  exit(2);
}

/* One keep-alive connection from one customer's address. */
struct conn {
  int fd;
  char addr[32];
  char cookie[128];          /* "kehu_csrf=<hex>" */
  char *buf;                 /* the last response, NUL-terminated */
  size_t cap, len;
  int status;
  char *body;
};

static int conn_open(struct conn *c, long job)
{
  /* 127.<net>.x.y with y in 1..250: a fresh address per submission. */
  long x = job / 250, y = job % 250 + 1;
  snprintf(c->addr, sizeof c->addr, "127.%d.%ld.%ld", net + (int)(x / 256), x % 256, y);
  c->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (c->fd < 0) return -1;
  struct timeval tv = { 30, 0 };
  setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(c->fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  int one = 1;
  setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  struct sockaddr_in src = { .sin_family = AF_INET }, dst = { .sin_family = AF_INET };
  inet_pton(AF_INET, c->addr, &src.sin_addr);
  inet_pton(AF_INET, host, &dst.sin_addr);
  dst.sin_port = htons((unsigned short)port);
  if (bind(c->fd, (struct sockaddr *)&src, sizeof src) != 0 ||
      connect(c->fd, (struct sockaddr *)&dst, sizeof dst) != 0) {
    close(c->fd);
    c->fd = -1;
    return -1;
  }
  return 0;
}

static int send_all(int fd, const char *p, size_t n)
{
  while (n) {
    ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

/* Reads one response with a Content-Length body (what nginx sends for
 * the programs' pages). */
static int read_response(struct conn *c)
{
  c->len = 0;
  char *end = NULL;
  size_t want = 0;
  for (;;) {
    if (c->cap - c->len < 65536) {
      c->cap = c->cap ? c->cap * 2 : 131072;
      c->buf = realloc(c->buf, c->cap);
      if (!c->buf) die("out of memory");
    }
    ssize_t r = recv(c->fd, c->buf + c->len, c->cap - c->len - 1, 0);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return -1;
    c->len += (size_t)r;
    c->buf[c->len] = '\0';
    if (!end && (end = strstr(c->buf, "\r\n\r\n"))) {
      const char *cl = strcasestr(c->buf, "\r\nContent-Length:");
      if (!cl || cl > end) return -1;
      want = (size_t)(end + 4 - c->buf) + strtoul(cl + 17, NULL, 10);
    }
    if (end && c->len >= want) break;
  }
  c->status = atoi(c->buf + 9);
  c->body = end + 4;
  pthread_mutex_lock(&lock);
  if (c->status > 0 && c->status < 600) status_seen[c->status]++;
  pthread_mutex_unlock(&lock);
  return 0;
}

static int request(struct conn *c, const char *head, const char *body, size_t body_len)
{
  if (send_all(c->fd, head, strlen(head)) != 0) return -1;
  if (body_len && send_all(c->fd, body, body_len) != 0) return -1;
  return read_response(c);
}

/* The value after `marker` up to the next quote/semicolon/angle bracket. */
static int grab(const char *text, const char *marker, char *out, size_t n)
{
  const char *p = strstr(text, marker);
  if (!p) return -1;
  p += strlen(marker);
  size_t k = strcspn(p, "\";<\r\n");
  if (k == 0 || k >= n) return -1;
  memcpy(out, p, k);
  out[k] = '\0';
  return 0;
}

struct form {
  char csrf[80], idem[128], product[16];
};

static int get_form(struct conn *c, struct form *f)
{
  char head[512];
  snprintf(head, sizeof head, "GET /complaint HTTP/1.1\r\nHost: %s:%d\r\n"
           "User-Agent: kehu-submit\r\n\r\n", host, port);
  if (request(c, head, NULL, 0) != 0) return E_IO;
  if (c->status != 200) return E_FORM;
  char cookie[100];
  if (grab(c->buf, "Set-Cookie: kehu_csrf=", cookie, sizeof cookie) != 0 ||
      grab(c->body, "name=\"_csrf\" value=\"", f->csrf, sizeof f->csrf) != 0 ||
      grab(c->body, "name=\"idem\" value=\"", f->idem, sizeof f->idem) != 0)
    return E_FORM;
  snprintf(c->cookie, sizeof c->cookie, "kehu_csrf=%s", cookie);
  /* The first product in the select (its first option is the empty one). */
  const char *p = strstr(c->body, "id=\"f-product_id\"");
  f->product[0] = '\0';
  while (p && !f->product[0] && (p = strstr(p, "<option value=\"")))
    if (grab(p, "<option value=\"", f->product, sizeof f->product) != 0) p++;
  if (!f->product[0]) return E_FORM;
  return -1;
}

static void part(char **p, const char *boundary, const char *name, const char *value)
{
  *p += sprintf(*p, "--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n",
                boundary, name, value);
}

/* A small but real PNG header: the program checks magic bytes only. */
static const unsigned char png[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde,
};

static int post_form(struct conn *c, const struct form *f, long job)
{
  static const char *kinds[] = { "complaint", "complaint", "return", "suggestion" };
  static const char *reasons[] = { "quality", "service", "price", "delivery", "other" };
  const char *boundary = "kehuBench7MA4YWxkTrZu0gW";
  char body[8192], *p = body, v[64], date[16];
  const char *kind = kinds[job % 4];
  time_t t = time(NULL) + 8 * 3600 - (job % 12) * 86400;
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(date, sizeof date, "%Y-%m-%d", &tm);
  part(&p, boundary, "_csrf", f->csrf);
  part(&p, boundary, "idem", f->idem);
  part(&p, boundary, "kind", kind);
  part(&p, boundary, "reason", reasons[job % 5]);
  snprintf(v, sizeof v, "压测客户%ld", job);
  part(&p, boundary, "name", v);
  snprintf(v, sizeof v, "139%08ld", job % 100000000);
  part(&p, boundary, "phone", v);
  part(&p, boundary, "email", "");
  part(&p, boundary, "company", "");
  snprintf(v, sizeof v, "%ld", job % 31 + 1);
  part(&p, boundary, "province_id", v);
  part(&p, boundary, "product_id", f->product);
  part(&p, boundary, "product_text", "");
  part(&p, boundary, "purchase_date", date);
  snprintf(v, sizeof v, "BENCH-%ld", job);
  part(&p, boundary, "order_ref", v);
  part(&p, boundary, "packaging_intact", strcmp(kind, "return") == 0 ? (job % 3 ? "1" : "0") : "");
  snprintf(v, sizeof v, "压测提交 #%ld：", job);
  p += sprintf(p, "--%s\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n"
               "%s净水器使用几天后出现漏水，请安排检查。\r\n", boundary, v);
  part(&p, boundary, "referral_code", "");
  if (attach_every > 0 && job % attach_every == 0) {
    p += sprintf(p, "--%s\r\nContent-Disposition: form-data; name=\"file1\"; filename=\"photo.png\"\r\n"
                 "Content-Type: image/png\r\n\r\n", boundary);
    memcpy(p, png, sizeof png);
    p += sizeof png;
    p += sprintf(p, "\r\n");
  }
  p += sprintf(p, "--%s--\r\n", boundary);
  char head[1024];
  snprintf(head, sizeof head, "POST /complaint HTTP/1.1\r\nHost: %s:%d\r\nUser-Agent: kehu-submit\r\n"
           "Cookie: %s\r\nContent-Type: multipart/form-data; boundary=%s\r\n"
           "Content-Length: %zu\r\n\r\n", host, port, c->cookie, boundary, (size_t)(p - body));
  if (request(c, head, body, (size_t)(p - body)) != 0) return E_IO;
  char loc[256], want[256];
  snprintf(want, sizeof want, "/complaint/receipt?k=%s", f->idem);
  if (c->status != 303 || grab(c->buf, "\r\nLocation: ", loc, sizeof loc) != 0 ||
      strcmp(loc, want) != 0)
    return E_POST;
  return -1;
}

static int get_receipt(struct conn *c, const struct form *f, char *tracking, size_t n)
{
  char head[512];
  snprintf(head, sizeof head, "GET /complaint/receipt?k=%s HTTP/1.1\r\nHost: %s:%d\r\n"
           "User-Agent: kehu-submit\r\nCookie: %s\r\n\r\n", f->idem, host, port, c->cookie);
  if (request(c, head, NULL, 0) != 0) return E_IO;
  if (c->status != 200) return E_RECEIPT;
  const char *p = strstr(c->body, "id=\"tracking-no\">");
  if (!p || grab(p, ">", tracking, n) != 0 || strncmp(tracking, "TS", 2) != 0) return E_RECEIPT;
  return -1;
}

static void record_error(int e)
{
  pthread_mutex_lock(&lock);
  errors[e]++;
  pthread_mutex_unlock(&lock);
}

static void one_submission(long job)
{
  double scheduled = t0 + (double)job / rate;
  struct conn c = { .fd = -1 };
  struct form f;
  char tracking[32];
  int e;
  if (conn_open(&c, job) != 0) { record_error(E_CONNECT); goto done; }
  if ((e = get_form(&c, &f)) >= 0) { record_error(e); goto done; }
  double t_post = now();
  if ((e = post_form(&c, &f, job)) >= 0) { record_error(e); goto done; }
  double t_ack = now();
  if ((e = get_receipt(&c, &f, tracking, sizeof tracking)) >= 0) { record_error(e); goto done; }
  double t_end = now();
  pthread_mutex_lock(&lock);
  lat_submit[ok] = t_ack - t_post;
  lat_flow[ok] = t_end - scheduled;
  ok++;
  if (t_end > last_done) last_done = t_end;
  fprintf(out, "%s\t%s\n", tracking, f.idem);
  pthread_mutex_unlock(&lock);
  /* The same form again: a retry after a timeout, a reload. */
  if (resubmit_every > 0 && job % resubmit_every == 0) {
    char again[32];
    if ((e = post_form(&c, &f, job)) >= 0 ||
        (e = get_receipt(&c, &f, again, sizeof again)) >= 0) {
      record_error(e);
    } else if (strcmp(again, tracking) != 0) {
      record_error(E_RESUBMIT);
    } else {
      pthread_mutex_lock(&lock);
      resubmits_ok++;
      pthread_mutex_unlock(&lock);
    }
  }
done:
  if (c.fd >= 0) close(c.fd);
  free(c.buf);
}

static void *worker(void *arg)
{
  (void)arg;
  for (;;) {
    long job = atomic_fetch_add(&next_job, 1);
    if (job >= total) return NULL;
    double wait = t0 + (double)job / rate - now();
    if (wait > 0) {
      struct timespec ts = { (time_t)wait, (long)((wait - (time_t)wait) * 1e9) };
      nanosleep(&ts, NULL);
    }
    one_submission(job);
  }
}

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double pct(double *v, long n, double p)
{
  if (n == 0) return 0;
  long i = (long)(p * (double)(n - 1) + 0.5);
  return v[i];
}

static void usage(void)
{
  fputs("usage: kehu-submit [--host H] [--port P] [--rate N] [--seconds S] [--threads T]\n"
        "                   [--attach-every K] [--resubmit-every R] [--net A] [--out FILE]\n", stderr);
  exit(2);
}

int main(int argc, char **argv)
{
  const char *v = getenv("KEHU_HTTP_PORT");
  if (v && *v) port = atoi(v);
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
    if (!val) usage();
    if (!strcmp(a, "--host")) host = val;
    else if (!strcmp(a, "--port")) port = atoi(val);
    else if (!strcmp(a, "--rate")) rate = atoi(val);
    else if (!strcmp(a, "--seconds")) seconds = atoi(val);
    else if (!strcmp(a, "--threads")) nthreads = atoi(val);
    else if (!strcmp(a, "--attach-every")) attach_every = atoi(val);
    else if (!strcmp(a, "--resubmit-every")) resubmit_every = atoi(val);
    else if (!strcmp(a, "--net")) net = atoi(val);
    else if (!strcmp(a, "--out")) out_path = val;
    else usage();
    i++;
  }
  if (rate <= 0 || seconds <= 0 || nthreads <= 0 || nthreads > 4096 || net < 1 || net > 200)
    usage();
  total = (long)rate * seconds;
  if (total / 250 / 256 + net > 254) die("too many submissions for the address range");
  if (!(out = fopen(out_path, "w"))) die("cannot write %s: %s", out_path, strerror(errno));
  lat_submit = calloc((size_t)total, sizeof *lat_submit);
  lat_flow = calloc((size_t)total, sizeof *lat_flow);
  if (!lat_submit || !lat_flow) die("out of memory");
  pthread_t *th = calloc((size_t)nthreads, sizeof *th);
  if (!th) die("out of memory");
  t0 = now() + 0.2;
  for (int i = 0; i < nthreads; i++)
    if (pthread_create(&th[i], NULL, worker, NULL) != 0) die("pthread_create failed");
  for (int i = 0; i < nthreads; i++) pthread_join(th[i], NULL);
  fclose(out);

  long failed = 0;
  for (int e = 0; e < NERR; e++) failed += errors[e];
  double span = last_done > t0 ? last_done - t0 : 0;
  qsort(lat_submit, (size_t)ok, sizeof *lat_submit, cmp_double);
  qsort(lat_flow, (size_t)ok, sizeof *lat_flow, cmp_double);
  printf("scheduled      %ld submissions at %d/s for %d s from 127.%d.0.1 upwards (%d threads)\n",
         total, rate, seconds, net, nthreads);
  printf("acknowledged   %ld (303 + receipt with a tracking number), %.1f/s over %.1f s\n",
         ok, span > 0 ? ok / span : 0, span);
  printf("submit (POST)  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
         pct(lat_submit, ok, .5) * 1e3, pct(lat_submit, ok, .9) * 1e3,
         pct(lat_submit, ok, .99) * 1e3, ok ? lat_submit[ok - 1] * 1e3 : 0);
  printf("whole flow     p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms"
         " (GET form + POST + GET receipt, from the scheduled start)\n",
         pct(lat_flow, ok, .5) * 1e3, pct(lat_flow, ok, .9) * 1e3,
         pct(lat_flow, ok, .99) * 1e3, ok ? lat_flow[ok - 1] * 1e3 : 0);
  printf("resubmitted    %ld same-token forms answered with the same tracking number\n", resubmits_ok);
  printf("errors         %ld", failed);
  for (int e = 0; e < NERR; e++)
    if (errors[e]) printf(", %s %ld", err_names[e], errors[e]);
  printf("\nstatuses      ");
  for (int s = 0; s < 600; s++)
    if (status_seen[s]) printf(" %d×%ld", s, status_seen[s]);
  printf("\nacks written to %s\n", out_path);
  return failed ? 1 : 0;
}
