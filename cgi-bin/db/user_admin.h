#ifndef KEHU_DB_USER_ADMIN_H
#define KEHU_DB_USER_ADMIN_H
/* Accounts, as an administrator keeps them (issue 15): list, create, edit,
 * disable (never delete: the history names them), regions of regional
 * managers, password reset. Every function refuses anyone but an admin
 * (KERR_FORBIDDEN) whatever the route table says, and audits each change
 * in the change's transaction. */
#include "core/req.h"

/* The fields of the create and edit forms. */
struct user_fields {
  char username[65];
  char display_name[257];
  char role[20];             /* admin, leader, staff, regional_manager */
  char email[129];
  char phone[33];
  int active;
  int nregions;
  unsigned regions[USER_MAX_REGIONS];
};

enum user_outcome { USER_SAVED, USER_NAME_TAKEN, USER_STALE, USER_MISSING };

/* KERR_FORBIDDEN unless who is an admin: the administration's functions
 * (here and db/catalog_admin.c) start with it. */
NEOERR *db_admin_only(const struct user *who);

/* Every account: Users.N.{id,username,display_name,role,active,
 * region_list,email,phone}, by user name. */
NEOERR *db_users_list(const struct user *who, HDF *hdf, const char *prefix);
/* One account under prefix (the list's columns plus version); *found. */
NEOERR *db_user_get(const struct user *who, long long id, HDF *hdf, const char *prefix,
                    int *found);
/* A new account with a one-time password (must change it at sign-in). */
NEOERR *db_user_create(const struct user *who, const char *ip, const struct user_fields *f,
                       const char *hash, unsigned *id, enum user_outcome *outcome);
/* Saves the fields if the row is still at `version`. A disabled account's
 * sessions end in the same transaction. */
NEOERR *db_user_update(const struct user *who, const char *ip, long long id,
                       long long version, const struct user_fields *f,
                       enum user_outcome *outcome);
/* A new one-time password: the account must change it at the next
 * sign-in, and its sessions end. */
NEOERR *db_user_reset_password(const struct user *who, const char *ip, long long id,
                               const char *hash, int *found);
#endif
