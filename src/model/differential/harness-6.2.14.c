/* Differential harness for the Redis 6.2.14 text (see harness.c for the formats). */
#define HARNESS_VERSION 60214
#include "harness.h"

#include "src/model/seed/6.2.14/startBgsaveForReplication.c"

#include "harness_main.h"
