/*
 * app_name.c - the one kernel file compiled once per application, so the
 * kernel can name the app it runs (the banner, argv[0]).
 */
#include "kernel/boot.h"

const char app_name[] = APP_NAME;
