#include "core/support_return.h"
#include <string.h>

/* Products of region-wide sums (10^11 cents) and one dealer's margin
 * overflow 64 bits: the divisions are done in 128. */
__extension__ typedef __int128 wide;

struct sr_window sr_window_of(int support_month)
{
  struct sr_window w = { support_month - SR_MONTHS, support_month,
                         support_month + 1, support_month + 1 + SR_MONTHS };
  return w;
}

int sr_complete(const struct sr_window *w, int as_of_month)
{
  return as_of_month >= w->after_to;
}

/* num / den rounded half away from zero, den > 0; 0 when it does not fit. */
static int div_round(wide num, wide den, int64_t *out)
{
  wide q = num / den, r = num % den;
  if (r < 0) r = -r;
  if (2 * r >= den) q += num < 0 ? -1 : 1;
  if (q > INT64_MAX || q < INT64_MIN) return 0;
  *out = (int64_t)q;
  return 1;
}

int sr_change_bp(struct sr_pair p, int64_t *bp)
{
  *bp = 0;
  if (p.before <= 0) return 0;
  return div_round(((wide)p.after - p.before) * 10000, p.before, bp);
}

int sr_evaluate(const struct sr_input *in, struct sr_result *out)
{
  memset(out, 0, sizeof *out);
  if (!in || in->peers < 0) return 0;
  if (!in->complete) {
    out->status = SR_TOO_EARLY;
    return 1;
  }
  out->has_change = sr_change_bp(in->sales, &out->change_bp);
  out->has_margin_change = sr_change_bp(in->margin, &out->margin_change_bp);
  if (in->peers > 0) out->has_peer_change = sr_change_bp(in->peer_sales, &out->peer_change_bp);
  if (in->sales.before <= 0) {
    out->status = SR_NO_BASE;
    return 1;
  }
  if (!out->has_change) return 0;          /* before > 0: only an overflow */
  if (!out->has_peer_change) {
    out->status = SR_NO_PEERS;
    return 1;
  }
  out->status = SR_DONE;
  if (__builtin_sub_overflow(out->change_bp, out->peer_change_bp, &out->uplift_bp)) return 0;
  out->has_uplift = 1;
  if (in->peer_margin.before > 0) {
    int64_t expected;
    if (!div_round((wide)in->margin.before * in->peer_margin.after, in->peer_margin.before,
                   &expected))
      return 0;
    if (__builtin_sub_overflow(in->margin.after, expected, &out->extra_margin)) return 0;
    out->has_extra = 1;
    out->pays = out->extra_margin > in->cost;
  }
  return 1;
}
