#pragma once

#include <cstddef>
#include <string>

struct ssl_st;

// Non-blocking TLS on one client socket, for the generator's epoll loop. Every call says what
// the session needs next; the caller turns WantRead/WantWrite into epoll interest. OpenSSL may
// need to write while reading (a key update) or to read while writing, so both directions are
// reported by every call.
namespace TlsIo {

enum class Status {
    Done,      // handshake finished, or bytes moved (see count)
    WantRead,  // retry when the socket is readable
    WantWrite, // retry when the socket is writable
    Closed,    // the server ended the session (close_notify or end of stream)
    Failed,    // a protocol or socket error; see error
};

Status handshake(ssl_st* ssl, std::string& error);
// Reads up to capacity decrypted bytes (one record at most).
Status read(ssl_st* ssl, char* buffer, size_t capacity, size_t& count, std::string& error);
// Writes up to length bytes; a partial write is Done with count < length. After WantRead or
// WantWrite, the next call must pass the same bytes again (more may follow them).
Status write(ssl_st* ssl, const char* data, size_t length, size_t& count, std::string& error);
// Decrypted bytes already inside the session: epoll will not report them.
bool hasBuffered(const ssl_st* ssl);
// "TLSv1.3 TLS_AES_256_GCM_SHA384" once the handshake is done.
std::string version(const ssl_st* ssl);
std::string cipher(const ssl_st* ssl);

} // namespace TlsIo

// Deleter for the std::unique_ptr that owns a connection's session.
struct TlsSessionFree
{
    void operator()(ssl_st* ssl) const;
};
