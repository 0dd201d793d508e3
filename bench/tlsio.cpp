#include "tlsio.h"

#include <cerrno>
#include <climits>
#include <cstring>

#include <openssl/err.h>
#include <openssl/ssl.h>

namespace {

// Maps the result of an SSL_* call; ERR_clear_error() must have run before that call.
TlsIo::Status classify(SSL* ssl, int result, const char* what, std::string& error)
{
    const int code = SSL_get_error(ssl, result);
    switch (code) {
    case SSL_ERROR_WANT_READ:
        return TlsIo::Status::WantRead;
    case SSL_ERROR_WANT_WRITE:
        return TlsIo::Status::WantWrite;
    case SSL_ERROR_ZERO_RETURN:
        return TlsIo::Status::Closed;
    case SSL_ERROR_SYSCALL:
        if (ERR_peek_error() == 0) {
            if (errno == 0)
                return TlsIo::Status::Closed;
            error = std::string(what) + ": " + std::strerror(errno);
            return TlsIo::Status::Failed;
        }
        break;
    default:
        break;
    }
    char text[256];
    ERR_error_string_n(ERR_get_error(), text, sizeof(text));
    ERR_clear_error();
    error = std::string(what) + ": " + text;
    if (SSL_get_verify_result(ssl) != X509_V_OK)
        error +=
            std::string(" (") + X509_verify_cert_error_string(SSL_get_verify_result(ssl)) + ")";
    return TlsIo::Status::Failed;
}

} // namespace

namespace TlsIo {

Status handshake(ssl_st* ssl, std::string& error)
{
    ERR_clear_error();
    errno = 0;
    const int result = SSL_do_handshake(ssl);
    if (result == 1)
        return Status::Done;
    return classify(ssl, result, "tls handshake", error);
}

Status read(ssl_st* ssl, char* buffer, size_t capacity, size_t& count, std::string& error)
{
    count = 0;
    ERR_clear_error();
    errno = 0;
    const int length = capacity > INT_MAX ? INT_MAX : static_cast<int>(capacity);
    const int result = SSL_read(ssl, buffer, length);
    if (result > 0) {
        count = static_cast<size_t>(result);
        return Status::Done;
    }
    return classify(ssl, result, "tls read", error);
}

Status write(ssl_st* ssl, const char* data, size_t length, size_t& count, std::string& error)
{
    count = 0;
    ERR_clear_error();
    errno = 0;
    const int size = length > INT_MAX ? INT_MAX : static_cast<int>(length);
    const int result = SSL_write(ssl, data, size);
    if (result > 0) {
        count = static_cast<size_t>(result);
        return Status::Done;
    }
    return classify(ssl, result, "tls write", error);
}

bool hasBuffered(const ssl_st* ssl)
{
    return SSL_pending(ssl) > 0;
}

std::string version(const ssl_st* ssl)
{
    return SSL_get_version(ssl);
}

std::string cipher(const ssl_st* ssl)
{
    const char* name = SSL_get_cipher_name(ssl);
    return name ? name : "?";
}

} // namespace TlsIo

void TlsSessionFree::operator()(ssl_st* ssl) const
{
    SSL_free(ssl);
}
