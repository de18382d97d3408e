#ifndef KEHU_PASSWORD_RULE_H
#define KEHU_PASSWORD_RULE_H
/* What a new password must be: at least PASSWORD_MIN characters, not the
 * user name, not in the shipped list of common passwords
 * (conf/common-passwords.txt, compared without regard to case). */

#define PASSWORD_MIN 10
#define PASSWORD_MAX 1024

/* The language key of what is wrong with pw for this user ("Valid.…"),
 * or NULL when it may be used. */
const char *password_rule_check(const char *pw, const char *username);
/* A one-time password an administrator hands over (create, reset):
 * PASSWORD_ONE_TIME random letters and digits, none easily confused. */
#define PASSWORD_ONE_TIME 12
void password_one_time(char out[PASSWORD_ONE_TIME + 1]);
/* For tests: read the list from this file instead (NULL: the default). */
void password_rule_list(const char *path);
#endif
