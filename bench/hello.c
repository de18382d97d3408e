/*
 * kehu: hello-world FastCGI ceiling for benchmarks.
 *
 * Answers every request with the same ~1 KB page and does nothing else, so
 * `wrk` against /bench/hello measures nginx + FastCGI + libfcgi overhead
 * alone; a real page can only be slower. Run under spawn-fcgi/multiwatch by
 * scripts/fcgi.sh when KEHU_BENCH=1.
 *
 * SIGTERM (sent by multiwatch on stop) and SIGUSR1 (libfcgi's own graceful
 * signal) end the accept loop so the process exits normally.
 */
#include <fcgiapp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#define PARA                                                                  \
    "<p>这是一个最小的 FastCGI 程序，用来测量服务器栈本身的吞吐上限。"       \
    "This is a minimal FastCGI program that measures the throughput ceiling " \
    "of the server stack itself: nginx, the FastCGI socket and libfcgi.</p>\n"

static const char body[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"zh-CN\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<title>kehu hello</title>\n"
    "</head>\n"
    "<body>\n"
    "<h1>你好，客户管理 / Hello, kehu</h1>\n"
    PARA PARA PARA PARA
    "</body>\n"
    "</html>\n";

static void on_term(int sig)
{
    (void)sig;
    /* Only sets a flag inside libfcgi; async-signal-safe. */
    FCGX_ShutdownPending();
}

int main(void)
{
    FCGX_Request req;
    struct sigaction sa;
    char head[160];
    int head_len;

    if (FCGX_Init() != 0) {
        fputs("hello: FCGX_Init failed\n", stderr);
        return 1;
    }
    if (FCGX_InitRequest(&req, 0, 0) != 0) {
        fputs("hello: FCGX_InitRequest failed\n", stderr);
        return 1;
    }

    /* No SA_RESTART: accept() must fail with EINTR so the loop can end. */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGUSR1, &sa, NULL);

    head_len = snprintf(head, sizeof head,
                        "Status: 200 OK\r\n"
                        "Content-Type: text/html; charset=utf-8\r\n"
                        "Content-Length: %zu\r\n"
                        "\r\n",
                        sizeof body - 1);
    if (head_len < 0 || (size_t)head_len >= sizeof head)
        return 1;

    while (FCGX_Accept_r(&req) >= 0) {
        FCGX_PutStr(head, head_len, req.out);
        FCGX_PutStr(body, (int)(sizeof body - 1), req.out);
        FCGX_Finish_r(&req);
    }

    FCGX_Free(&req, 1);
    return 0;
}
