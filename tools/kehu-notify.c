/* kehu-notify: the outbox's sender (schema/041, docs/notifications.md).
 *
 *   kehu-notify            run: claim due rows, send them, record the
 *                          outcome; queue the staff's morning digest once a
 *                          day from KEHU_DIGEST_HOUR (China time)
 *   kehu-notify --digest   queue today's digests now and exit (idempotent:
 *                          one per user and day)
 *   kehu-notify --once     one pass over the due rows and exit
 *
 * Runs under the FastCGI programs' supervisor (scripts/fcgi.sh), which
 * starts it again if it dies; a row it claimed comes back when the claim
 * runs out (CLAIM_S). Mail goes by SMTP to KEHU_SMTP_HOST:KEHU_SMTP_PORT
 * (127.0.0.1:25, the local MTA); text messages to the executable named by
 * KEHU_SMS_HOOK (none: they stay queued). A failed attempt is logged once,
 * with the row, its source and the reason, and tried again after the next
 * delay of KEHU_NOTIFY_BACKOFF (seconds; after the last, it is 'failed'). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/err.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/password.h"
#include "core/render.h"
#include "core/smtp.h"
#include "db/db.h"
#include "db/outbox.h"

#define BATCH 20
#define CLAIM_S 600          /* longer than any one send can take */
#define MAX_DELAYS 8

static volatile sig_atomic_t stopping;

static void on_term(int sig)
{
  (void)sig;
  stopping = 1;
}

static const char *env_or(const char *k, const char *dflt)
{
  const char *v = getenv(k);
  return v && *v ? v : dflt;
}

struct config {
  const char *host, *port, *from, *from_name, *sms_hook;
  char helo[256];
  int delays[MAX_DELAYS], ndelays;
  int poll_s, digest_hour, timeout_s;
};

static void configure(struct config *c)
{
  c->host = env_or("KEHU_SMTP_HOST", "127.0.0.1");
  c->port = env_or("KEHU_SMTP_PORT", "25");
  c->sms_hook = env_or("KEHU_SMS_HOOK", NULL);
  c->poll_s = atoi(env_or("KEHU_NOTIFY_POLL", "5"));
  if (c->poll_s < 1) c->poll_s = 1;
  c->digest_hour = atoi(env_or("KEHU_DIGEST_HOUR", "7"));
  c->timeout_s = atoi(env_or("KEHU_SMTP_TIMEOUT", "30"));
  if (gethostname(c->helo, sizeof c->helo) != 0 || !c->helo[0]) snprintf(c->helo, sizeof c->helo, "localhost");
  static char from[300];
  snprintf(from, sizeof from, "noreply@%s", c->helo);
  c->from = env_or("KEHU_MAIL_FROM", from);
  c->from_name = env_or("KEHU_MAIL_FROM_NAME", NULL);
  /* 1 min, 5 min, 30 min, 2 h, then failed. */
  char list[128];
  snprintf(list, sizeof list, "%s", env_or("KEHU_NOTIFY_BACKOFF", "60,300,1800,7200"));
  c->ndelays = 0;
  for (char *save, *t = strtok_r(list, ", ", &save); t && c->ndelays < MAX_DELAYS;
       t = strtok_r(NULL, ", ", &save))
    if (atoi(t) > 0) c->delays[c->ndelays++] = atoi(t);
}

/* The text message's hand-over: hook recipient text, no shell, stdin
 * /dev/null, exit 0 = accepted. */
static int sms_send(const char *hook, const char *to, const char *text, char *why, size_t n)
{
  pid_t pid = fork();
  if (pid < 0) { snprintf(why, n, "fork: %s", strerror(errno)); return -1; }
  if (pid == 0) {
    int fd = open("/dev/null", O_RDONLY);
    if (fd >= 0) dup2(fd, 0);
    execl(hook, hook, to, text, (char *)NULL);
    _exit(127);
  }
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) { snprintf(why, n, "waitpid: %s", strerror(errno)); return -1; }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return 0;
  if (WIFEXITED(status)) snprintf(why, n, "SMS hook %s exited with %d", hook, WEXITSTATUS(status));
  else snprintf(why, n, "SMS hook %s killed by signal %d", hook, WTERMSIG(status));
  return -1;
}

static void rfc5322_date(char *out, size_t n)
{
  struct tm t = china_now();
  strftime(out, n, "%a, %d %b %Y %H:%M:%S +0800", &t);
}

/* One row: sent, or its failure recorded (and logged once). */
static NEOERR *deliver(const struct config *c, const struct outbox_row *r)
{
  char why[300] = "";
  int permanent = 0, ok;
  if (strcmp(r->channel, "sms") == 0) {
    ok = sms_send(c->sms_hook, r->recipient, r->body, why, sizeof why) == 0;
  } else {
    char date[64], id[300];
    rfc5322_date(date, sizeof date);
    snprintf(id, sizeof id, "%lld.%lld@%s", r->id, (long long)time(NULL), c->helo);
    struct smtp_mail m = { .from = c->from, .from_name = c->from_name, .to = r->recipient,
                           .subject = r->subject, .body = r->body, .message_id = id,
                           .date = date };
    NEOERR *err = smtp_send(c->host, c->port, c->helo, &m, c->timeout_s, &permanent);
    ok = err == STATUS_OK;
    if (err) {
      snprintf(why, sizeof why, "%s", err_reason(err));
      nerr_ignore(&err);
    }
  }
  if (ok) return nerr_pass(db_outbox_sent(r->id));
  int delay = !permanent && r->attempts < c->ndelays ? c->delays[r->attempts] : -1;
  const char *domain = strrchr(r->recipient, '@');
  log_msg("warn", "outbox %lld (%s, %s %lld, to %s%s) attempt %d failed: %s; %s%d%s", r->id,
          r->channel, r->complaint_id ? "complaint" : "user",
          r->complaint_id ? r->complaint_id : r->user_id, domain ? "*" : "", domain ? domain : "***",
          r->attempts + 1, why, delay < 0 ? "given up" : "next try in ", delay < 0 ? 0 : delay,
          delay < 0 ? "" : " s");
  return nerr_pass(db_outbox_failed(r->id, delay, why));
}

/* Claims and sends what is due; *n: how many rows were handled. */
static NEOERR *pass(const struct config *c, int *n)
{
  struct outbox_row rows[BATCH];
  NEOERR *err = db_outbox_claim(c->sms_hook != NULL, CLAIM_S, rows, BATCH, n);
  for (int i = 0; !err && i < *n && !stopping; i++) err = deliver(c, &rows[i]);
  outbox_rows_free(rows, *n);
  return nerr_pass(err);
}

static NEOERR *digests(void)
{
  char day[11];
  int queued;
  china_format("%Y-%m-%d", day, sizeof day);
  NEOERR *err = db_outbox_digests(day, &queued);
  if (!err && queued) log_msg("info", "digest %s: %d mail(s) queued", day, queued);
  return nerr_pass(err);
}

static NEOERR *startup(void)
{
  log_init("kehu-notify");
  NEOERR *err = err_init();
  if (err) return nerr_pass(err);
  if (password_init() != 0) return nerr_raise(NERR_SYSTEM, "libsodium init failed");
  if ((err = render_init(env_or("KEHU_TEMPLATES", "templates"))) ||
      (err = i18n_init(env_or("KEHU_LANG_DIR", "conf/lang"))))
    return nerr_pass(err);
  return nerr_pass(db_connect());
}

static void shutdown_all(void)
{
  db_disconnect();
  render_destroy();
  i18n_destroy();
}

int main(int argc, char **argv)
{
  const char *mode = argc > 1 ? argv[1] : "";
  struct config c;
  configure(&c);
  NEOERR *err = startup();
  if (!err && strcmp(mode, "--digest") == 0) err = digests();
  if (!err && strcmp(mode, "--once") == 0) {
    /* Every row due now, batch after batch: a claimed row's lease (or a
     * failure's retry time) puts it out of the next batch's reach. */
    int n;
    do err = pass(&c, &n); while (!err && n == BATCH && !stopping);
  }
  if (err || *mode) {
    int rc = err ? 1 : 0;
    if (err) log_error(&err, mode);
    shutdown_all();
    return rc;
  }
  struct sigaction sa = { .sa_handler = on_term };
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  log_msg("info", "sending to %s:%s, SMS %s, digest at %02d:00", c.host, c.port,
          c.sms_hook ? c.sms_hook : "not configured", c.digest_hour);
  char digest_done[11] = "";
  while (!stopping) {
    int n = 0;
    char day[11];
    china_format("%Y-%m-%d", day, sizeof day);
    /* From the hour on, once a day per process; the once_key keeps it to
     * once per day however often the sender restarts. */
    if (china_now().tm_hour >= c.digest_hour && strcmp(day, digest_done) != 0) {
      err = digests();
      if (!err) snprintf(digest_done, sizeof digest_done, "%s", day);
    }
    if (!err) err = pass(&c, &n);
    if (err) {
      /* The database is away: say so once per failure and wait. */
      log_error(&err, "outbox");
      n = 0;
    }
    for (int s = 0; !n && s < c.poll_s && !stopping; s++) sleep(1);
  }
  shutdown_all();
  return 0;
}
