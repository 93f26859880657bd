/* Differential harness for the Redis 5.0.5 text (see harness.c for the formats). */
#define HARNESS_VERSION 50005
#include "harness.h"

#include "src/model/seed/5.0.5/startBgsaveForReplication.c"

#include "harness_main.h"
