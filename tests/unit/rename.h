/*
 * rename.h - force-included when pvmini's pure sources are compiled for the
 * host: their libc-named functions become pv_*, so a unit test can call
 * pvmini's and the host's side by side.
 */
#define memcpy pv_memcpy
#define memmove pv_memmove
#define memset pv_memset
#define memcmp pv_memcmp
#define strlen pv_strlen
#define strnlen pv_strnlen
#define strcmp pv_strcmp
#define strncmp pv_strncmp
#define strchr pv_strchr
#define vsnprintf pv_vsnprintf
#define snprintf pv_snprintf
#define inet_addr pv_inet_addr
#define inet_aton pv_inet_aton
#define inet_ntoa pv_inet_ntoa
#define inet_pton pv_inet_pton
#define inet_ntop pv_inet_ntop
