#ifndef KEHU_SMTP_H
#define KEHU_SMTP_H
/* The mail the sender (tools/kehu-notify.c) hands to an SMTP server: the
 * message text (RFC 5322 headers, a UTF-8 plain-text body) and the SMTP
 * dialogue (RFC 5321) on a connected socket. Header values are never
 * trusted: a CR or LF in an address, a name or a subject refuses the whole
 * message (KERR_BAD_REQUEST) rather than letting it start a header. */
#include <ClearSilver.h>
#include <stddef.h>

struct smtp_mail {
  const char *from;          /* address: kehu@example.com */
  const char *from_name;     /* UTF-8 display name, may be NULL */
  const char *to;            /* address */
  const char *subject;       /* UTF-8 */
  const char *body;          /* UTF-8, any line ends */
  const char *message_id;    /* without <>: 42.1733550000@kehu */
  const char *date;          /* RFC 5322 date, e.g. "Mon, 07 Dec 2026 08:00:00 +0800" */
};

/* 1 when s may appear in a header: no CR, LF, NUL or other C0 control
 * (a tab is allowed) and valid UTF-8. */
int smtp_header_safe(const char *s);
/* 1 when s looks like a mailbox the dialogue may name: local@domain,
 * printable ASCII, no spaces, <, >, quotes or controls, at most 254. */
int smtp_address_ok(const char *s);

/* A header value: ASCII printable text as it is; anything else as RFC 2047
 * encoded words (=?UTF-8?B?...?=, at most 75 characters each, never
 * splitting a UTF-8 character, folded with CRLF SP). Appends to out. */
NEOERR *smtp_encode_word(const char *utf8, STRING *out);

/* The message as it is sent after DATA, before dot-stuffing: headers,
 * a blank line, the body with every line ended by CRLF (bare CR and LF
 * become CRLF) and lines longer than SMTP_LINE_MAX bytes broken before a
 * UTF-8 character. KERR_BAD_REQUEST for an unsafe header value. */
#define SMTP_LINE_MAX 900
NEOERR *smtp_message(const struct smtp_mail *m, STRING *out);

/* Dot-stuffing for DATA: a line starting with "." gets another one, and
 * the terminating CRLF . CRLF is appended. in must be CRLF text. */
NEOERR *smtp_data(const char *in, STRING *out);

/* The dialogue on a connected socket: 220 greeting, EHLO helo (HELO if
 * refused), MAIL FROM, RCPT TO, DATA, the stuffed message, QUIT. Each
 * reply is read whole (multi-line replies included), waiting at most
 * timeout seconds. A 4xx/5xx or a dropped connection is an error whose
 * message names the command and the server's reply; *permanent is set
 * for a 5xx (retrying will not help). */
NEOERR *smtp_dialogue(int fd, const char *helo, const char *from, const char *to,
                      const char *message, int timeout, int *permanent);

/* Connects to host:port (numeric or a name) and runs the dialogue. */
NEOERR *smtp_send(const char *host, const char *port, const char *helo,
                  const struct smtp_mail *m, int timeout, int *permanent);
#endif
