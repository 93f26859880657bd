/* Differential harness for the Redis 7.0.15 text (see harness.c for the formats). */
#define HARNESS_VERSION 70015
#define HARNESS_SOURCE_OFFSET 822 /* line n of the text is line n + 822 of 7.0.15's src/replication.c */
#include "harness.h"

#include "src/model/seed/7.0.15/startBgsaveForReplication.c"

#include "harness_main.h"
