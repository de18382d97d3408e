#include "core/smtp.h"
#include "core/err.h"
#include "core/utf8.h"
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int smtp_header_safe(const char *s)
{
  if (!s) return 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if ((*p < 0x20 && *p != '\t') || *p == 0x7f) return 0;
  return utf8_well_formed(s, strlen(s));
}

int smtp_address_ok(const char *s)
{
  if (!s) return 0;
  size_t n = strlen(s);
  const char *at = strrchr(s, '@');
  if (n == 0 || n > 254 || !at || at == s || !at[1]) return 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p <= 0x20 || *p >= 0x7f || strchr("<>\"(),;:\\[]", *p)) return 0;
  return 1;
}

static int plain_ascii(const char *s)
{
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p < 0x20 || *p >= 0x7f) return 0;
  /* "=?" would read as the start of an encoded word. */
  return strstr(s, "=?") == NULL;
}

/* 45 bytes of input are 60 base64 characters: with "=?UTF-8?B?" and "?="
 * a word is 72 characters, under RFC 2047's 75. */
#define WORD_BYTES 45

NEOERR *smtp_encode_word(const char *s, STRING *out)
{
  if (plain_ascii(s)) return nerr_pass(string_append(out, s));
  size_t n = strlen(s), at = 0;
  while (at < n) {
    size_t take = 0;
    while (at + take < n) {
      int len = utf8_sequence(s + at + take, n - at - take);
      if (len == 0) len = 1;   /* not UTF-8: the bytes go through as they are */
      if (take + (size_t)len > WORD_BYTES) break;
      take += (size_t)len;
    }
    char b64[sodium_base64_ENCODED_LEN(WORD_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(b64, sizeof b64, (const unsigned char *)s + at, take,
                      sodium_base64_VARIANT_ORIGINAL);
    NEOERR *err = string_appendf(out, "%s=?UTF-8?B?%s?=", at ? "\r\n " : "", b64);
    if (err) return nerr_pass(err);
    at += take;
  }
  return STATUS_OK;
}

/* The body with CRLF line ends, long lines broken before a character. */
static NEOERR *body_lines(const char *b, STRING *out)
{
  size_t n = strlen(b), col = 0;
  NEOERR *err = STATUS_OK;
  for (size_t i = 0; i < n && !err;) {
    if (b[i] == '\r' || b[i] == '\n') {
      i += (b[i] == '\r' && b[i + 1] == '\n') ? 2 : 1;
      err = string_append(out, "\r\n");
      col = 0;
      continue;
    }
    int len = utf8_sequence(b + i, n - i);
    if (len == 0) len = 1;
    if (col + (size_t)len > SMTP_LINE_MAX) {
      if ((err = string_append(out, "\r\n"))) break;
      col = 0;
    }
    err = string_appendn(out, b + i, len);
    col += (size_t)len;
    i += (size_t)len;
  }
  if (!err && col) err = string_append(out, "\r\n");
  return nerr_pass(err);
}

NEOERR *smtp_message(const struct smtp_mail *m, STRING *out)
{
  const char *from_name = m->from_name ? m->from_name : "";
  if (!smtp_address_ok(m->from) || !smtp_address_ok(m->to))
    return nerr_raise(KERR_BAD_REQUEST, "refused: not a plain address");
  if (!smtp_header_safe(from_name) || !smtp_header_safe(m->subject) ||
      !smtp_header_safe(m->message_id) || !smtp_header_safe(m->date) ||
      strpbrk(m->message_id, "<> "))
    return nerr_raise(KERR_BAD_REQUEST, "refused: a control character in a header value");
  NEOERR *err = string_append(out, "From: ");
  if (!err && *from_name) {
    err = smtp_encode_word(from_name, out);
    if (!err) err = string_append(out, " ");
  }
  if (!err) err = string_appendf(out, "<%s>\r\nTo: <%s>\r\nSubject: ", m->from, m->to);
  if (!err) err = smtp_encode_word(m->subject, out);
  if (!err)
    err = string_appendf(out,
                         "\r\nDate: %s\r\nMessage-ID: <%s>\r\nMIME-Version: 1.0\r\n"
                         "Content-Type: text/plain; charset=UTF-8\r\n"
                         "Content-Transfer-Encoding: 8bit\r\n\r\n",
                         m->date, m->message_id);
  if (!err) err = body_lines(m->body ? m->body : "", out);
  return nerr_pass(err);
}

NEOERR *smtp_data(const char *in, STRING *out)
{
  NEOERR *err = STATUS_OK;
  int line_start = 1;
  for (const char *p = in; *p && !err; p++) {
    if (line_start && *p == '.') err = string_append_char(out, '.');
    if (!err) err = string_append_char(out, *p);
    line_start = *p == '\n';
  }
  if (!err) err = string_append(out, line_start ? ".\r\n" : "\r\n.\r\n");
  return nerr_pass(err);
}

/* --- the dialogue ------------------------------------------------------ */

struct conn {
  int fd, timeout;
  char buf[2048];
  size_t have;
  char last[256];            /* the last reply, for the error message */
};

static NEOERR *write_all(struct conn *c, const char *s, size_t n)
{
  while (n) {
    ssize_t w = send(c->fd, s, n, MSG_NOSIGNAL);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return nerr_raise(KERR_UNAVAILABLE, "SMTP write: %s", strerror(errno));
    s += w;
    n -= (size_t)w;
  }
  return STATUS_OK;
}

/* One line into line (CRLF removed); waits at most the timeout. */
static NEOERR *read_line(struct conn *c, char *line, size_t n)
{
  for (;;) {
    char *nl = memchr(c->buf, '\n', c->have);
    if (nl) {
      size_t len = (size_t)(nl - c->buf);
      size_t keep = len && c->buf[len - 1] == '\r' ? len - 1 : len;
      snprintf(line, n, "%.*s", (int)keep, c->buf);
      memmove(c->buf, nl + 1, c->have - len - 1);
      c->have -= len + 1;
      return STATUS_OK;
    }
    if (c->have == sizeof c->buf - 1)
      return nerr_raise(KERR_UNAVAILABLE, "SMTP reply line too long");
    struct pollfd p = { .fd = c->fd, .events = POLLIN };
    int ready = poll(&p, 1, c->timeout * 1000);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return nerr_raise(KERR_UNAVAILABLE, "SMTP server did not answer in %d s", c->timeout);
    ssize_t r = recv(c->fd, c->buf + c->have, sizeof c->buf - 1 - c->have, 0);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return nerr_raise(KERR_UNAVAILABLE, "SMTP connection closed");
    c->have += (size_t)r;
  }
}

/* A whole reply: "250-..." lines up to the "250 ..." one. */
static NEOERR *reply(struct conn *c, int *code)
{
  char line[512];
  for (;;) {
    NEOERR *err = read_line(c, line, sizeof line);
    if (err) return nerr_pass(err);
    if (strlen(line) < 3 || line[0] < '1' || line[0] > '5')
      return nerr_raise(KERR_UNAVAILABLE, "SMTP: not a reply: %.80s", line);
    snprintf(c->last, sizeof c->last, "%.200s", line);
    if (line[3] != '-') { *code = atoi(line); return STATUS_OK; }
  }
}

/* Sends cmd (NULL: none, the greeting) and wants a reply of class want. */
static NEOERR *step(struct conn *c, const char *cmd, int want, int *code, int *permanent)
{
  NEOERR *err = STATUS_OK;
  if (cmd) err = write_all(c, cmd, strlen(cmd));
  if (!err) err = reply(c, code);
  if (err) return nerr_pass(err);
  if (*code / 100 == want) return STATUS_OK;
  *permanent = *code >= 500;
  char what[64];
  snprintf(what, sizeof what, "%.*s", cmd ? (int)strcspn(cmd, " :\r") : 8, cmd ? cmd : "greeting");
  return nerr_raise(KERR_UNAVAILABLE, "SMTP %s: %s", what, c->last);
}

NEOERR *smtp_dialogue(int fd, const char *helo, const char *from, const char *to,
                      const char *message, int timeout, int *permanent)
{
  *permanent = 0;
  if (!smtp_address_ok(from) || !smtp_address_ok(to) || !helo[0]) {
    *permanent = 1;
    return nerr_raise(KERR_BAD_REQUEST, "refused: not a plain address");
  }
  for (const char *p = helo; *p; p++)
    if (*p <= 0x20 || *p >= 0x7f) { *permanent = 1; return nerr_raise(KERR_BAD_REQUEST, "bad HELO name"); }
  struct conn *c = calloc(1, sizeof *c);
  if (!c) return nerr_raise(NERR_NOMEM, "smtp");
  c->fd = fd;
  c->timeout = timeout > 0 ? timeout : 30;
  STRING data;
  string_init(&data);
  char cmd[400];
  int code = 0;
  NEOERR *err = step(c, NULL, 2, &code, permanent);
  if (!err) {
    snprintf(cmd, sizeof cmd, "EHLO %s\r\n", helo);
    err = step(c, cmd, 2, &code, permanent);
    if (err && code >= 500) {
      nerr_ignore(&err);
      *permanent = 0;
      snprintf(cmd, sizeof cmd, "HELO %s\r\n", helo);
      err = step(c, cmd, 2, &code, permanent);
    }
  }
  if (!err) {
    snprintf(cmd, sizeof cmd, "MAIL FROM:<%s>\r\n", from);
    err = step(c, cmd, 2, &code, permanent);
  }
  if (!err) {
    snprintf(cmd, sizeof cmd, "RCPT TO:<%s>\r\n", to);
    err = step(c, cmd, 2, &code, permanent);
  }
  if (!err) err = step(c, "DATA\r\n", 3, &code, permanent);
  if (!err) err = smtp_data(message, &data);
  if (!err) err = write_all(c, data.buf, data.len);
  if (!err) err = step(c, NULL, 2, &code, permanent);
  /* The message is accepted once "." got its 250; QUIT is a courtesy. */
  if (!err) {
    NEOERR *quit = step(c, "QUIT\r\n", 2, &code, permanent);
    nerr_ignore(&quit);
    *permanent = 0;
  }
  string_clear(&data);
  free(c);
  return nerr_pass(err);
}

NEOERR *smtp_send(const char *host, const char *port, const char *helo,
                  const struct smtp_mail *m, int timeout, int *permanent)
{
  *permanent = 0;
  STRING msg;
  string_init(&msg);
  NEOERR *err = smtp_message(m, &msg);
  if (err) { *permanent = 1; string_clear(&msg); return nerr_pass(err); }
  struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res = NULL;
  int rc = getaddrinfo(host, port, &hints, &res);
  if (rc) {
    string_clear(&msg);
    return nerr_raise(KERR_UNAVAILABLE, "SMTP %s:%s: %s", host, port, gai_strerror(rc));
  }
  int fd = -1, saved = 0;
  for (struct addrinfo *a = res; a && fd < 0; a = a->ai_next) {
    fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd >= 0 && connect(fd, a->ai_addr, a->ai_addrlen) < 0) {
      saved = errno;
      close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(res);
  if (fd < 0) {
    string_clear(&msg);
    return nerr_raise(KERR_UNAVAILABLE, "SMTP connect %s:%s: %s", host, port, strerror(saved));
  }
  err = smtp_dialogue(fd, helo, m->from, m->to, msg.buf, timeout, permanent);
  close(fd);
  string_clear(&msg);
  return nerr_pass(err);
}
