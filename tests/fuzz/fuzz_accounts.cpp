// libFuzzer target for the account paths of the server: AUTHENTICATE (the 400-byte chunking,
// "+", "*", base64, and the SCRAM-SHA-256, PLAIN and EXTERNAL messages GNU SASL parses on the
// auth worker) and REGISTER, fed as lines to a ServerCore with a real AuthService and account
// database. The first byte chooses the connection (TLS, loopback, client certificate), whether
// the sasl capability is on, and whether every line is prefixed with AUTHENTICATE or REGISTER.
// It checks that nothing crashes or leaks (with ASan) and that every line the server sends back
// is well formed.
#include "auth/authservice.h"
#include "auth/scramcredentials.h"
#include "auth/sqlaccountstore.h"
#include "core/servercore.h"
#include "net/clientconnection.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        abort();
}

class CheckingConnection : public ClientConnection
{
public:
    void send(const IrcMessage& message) override { sendWire(message.toWire()); }
    void sendWire(const QByteArray& wire) override
    {
        check(wire.endsWith("\r\n"));
        const QByteArray body = wire.chopped(2);
        check(!body.contains('\r') && !body.contains('\n') && !body.contains('\0'));
        check(IrcMessage::parse(body).has_value());
    }
    void close(const QString&) override {}
    void setRegistered() override {}
};

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<AuthService> auth;
    std::unique_ptr<ServerCore> core;
};

Fixture* fixture = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    new QCoreApplication(*argc, *argv); // lives for the whole run
    QLoggingCategory::setFilterRules(QStringLiteral("confab*=false"));
    fixture = new Fixture;
    ServerConfig config;
    config.dataDir = fixture->dir.path();
    config.scramIterations = 64; // fast: the fuzzer wants many exchanges a second
    config.loginFailureDelayMs = 0;
    config.loginFailureLimit = 1 << 30; // never throttled: every input takes the same paths
    config.registrationLimit = 1 << 30;
    {
        // An account with a known password and certificate, so success paths are reachable.
        SqlAccountStore store(QStringLiteral("fuzz-setup"));
        check(store.open(fixture->dir.filePath(Database::fileName())));
        store.create(QStringLiteral("alice"), QStringLiteral("alice"),
                     ScramCredentials::derive(QStringLiteral("wonderland"), 64), 1);
        store.addCertificate(QStringLiteral("alice"), QString(64, u'a'), 1);
    }
    fixture->auth = std::make_unique<AuthService>(config);
    QString error;
    check(fixture->auth->start(&error));
    fixture->core = std::make_unique<ServerCore>(config);
    fixture->core->setAuthService(fixture->auth.get());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t mode = data[0];
    ServerCore& core = *fixture->core;
    CheckingConnection connection;
    ConnectionInfo info;
    info.host = QStringLiteral("192.0.2.%1").arg(mode);
    info.secure = mode & 1;
    info.loopback = mode & 2;
    if (mode & 4)
        info.certificateFingerprint = QByteArray(64, 'a');
    core.addConnection(&connection, info);
    auto feed = [&](const QByteArray& line) {
        if (const std::optional<IrcMessage> message = IrcMessage::parse(line))
            core.handleMessage(&connection, *message);
    };
    if (mode & 8)
        feed("CAP REQ :sasl");
    feed("NICK fuzzer");
    const QByteArray prefix = (mode & 16)   ? QByteArray("AUTHENTICATE ")
                              : (mode & 32) ? QByteArray("REGISTER * * ")
                                            : QByteArray();
    const QByteArray rest(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    for (const QByteArray& line : rest.split('\n')) {
        feed(prefix + line);
        // Results of earlier steps come back from the worker thread.
        QCoreApplication::processEvents();
    }
    core.removeConnection(&connection, QStringLiteral("done"));
    QCoreApplication::processEvents();
    return 0;
}
