/*
 * sys/_socket_calls.h - the socket calls, apart from the types: included
 * by <sys/socket.h> for apps, and by lib/lwip/socket.c after lwIP's own
 * definitions of the same types, so that the compiler checks the
 * definitions there against these declarations.
 */
#ifndef _SYS__SOCKET_CALLS_H
#define _SYS__SOCKET_CALLS_H

#include <sys/cdefs.h>

__BEGIN_DECLS
int socket(int domain, int type, int protocol);
int bind(int fd, const struct sockaddr *addr, socklen_t len);
int listen(int fd, int backlog);
int accept(int fd, struct sockaddr *addr, socklen_t *len);
int connect(int fd, const struct sockaddr *addr, socklen_t len);
int shutdown(int fd, int how);
int getsockname(int fd, struct sockaddr *addr, socklen_t *len);
int getpeername(int fd, struct sockaddr *addr, socklen_t *len);
int setsockopt(int fd, int level, int name, const void *val, socklen_t len);
int getsockopt(int fd, int level, int name, void *val, socklen_t *len);
ssize_t send(int fd, const void *buf, size_t n, int flags);
ssize_t recv(int fd, void *buf, size_t n, int flags);
ssize_t sendto(int fd, const void *buf, size_t n, int flags,
	       const struct sockaddr *to, socklen_t len);
ssize_t recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *from,
		 socklen_t *len);
__END_DECLS

#endif
