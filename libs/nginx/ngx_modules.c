/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The module table configure would write to objs/ngx_modules.c. The order
 * matters: core modules first, then the event methods (the first usable one
 * is the default), then HTTP; HTTP filters run in the reverse order of
 * their place here, so the write filter (last to run) comes first.
 */
#include <ngx_config.h>
#include <ngx_core.h>

#define NGX_UNIKIT_MODULES(M)                                                                      \
	M(ngx_core_module)                                                                         \
	M(ngx_errlog_module)                                                                       \
	M(ngx_conf_module)                                                                         \
	M(ngx_events_module)                                                                       \
	M(ngx_event_core_module)                                                                   \
	NGX_UNIKIT_EPOLL(M)                                                                        \
	M(ngx_poll_module)                                                                         \
	M(ngx_select_module)                                                                       \
	M(ngx_http_module)                                                                         \
	M(ngx_http_core_module)                                                                    \
	M(ngx_http_log_module)                                                                     \
	M(ngx_http_upstream_module)                                                                \
	M(ngx_http_static_module)                                                                  \
	NGX_UNIKIT_AUTOINDEX(M)                                                                    \
	M(ngx_http_index_module)                                                                   \
	M(ngx_http_try_files_module)                                                               \
	M(ngx_http_write_filter_module)                                                            \
	M(ngx_http_header_filter_module)                                                           \
	M(ngx_http_chunked_filter_module)                                                          \
	M(ngx_http_range_header_filter_module)                                                     \
	M(ngx_http_postpone_filter_module)                                                         \
	M(ngx_http_headers_filter_module)                                                          \
	M(ngx_http_copy_filter_module)                                                             \
	M(ngx_http_range_body_filter_module)                                                       \
	M(ngx_http_not_modified_filter_module)

#if CONFIG_LIBNGINX_EPOLL
#define NGX_UNIKIT_EPOLL(M) M(ngx_epoll_module)
#else
#define NGX_UNIKIT_EPOLL(M)
#endif

#if CONFIG_LIBNGINX_HTTP_AUTOINDEX
#define NGX_UNIKIT_AUTOINDEX(M) M(ngx_http_autoindex_module)
#else
#define NGX_UNIKIT_AUTOINDEX(M)
#endif

#define NGX_UNIKIT_EXTERN(m) extern ngx_module_t m;
#define NGX_UNIKIT_ADDR(m)   &(m),
#define NGX_UNIKIT_NAME(m)   #m,

NGX_UNIKIT_MODULES(NGX_UNIKIT_EXTERN)

ngx_module_t *ngx_modules[] = {NGX_UNIKIT_MODULES(NGX_UNIKIT_ADDR) NULL};

char *ngx_module_names[] = {NGX_UNIKIT_MODULES(NGX_UNIKIT_NAME) NULL};
