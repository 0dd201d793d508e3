#pragma once

#include <QList>
#include <QString>

// One place where a server answers: a host name or address, and a port.
struct ServerEndpoint
{
    QString host;
    quint16 port = 0;

    bool operator==(const ServerEndpoint& other) const
    {
        return port == other.port && host.compare(other.host, Qt::CaseInsensitive) == 0;
    }
    bool operator!=(const ServerEndpoint& other) const { return !(*this == other); }
};

// The server address a user types: one address, or several nodes of one network separated by
// commas or spaces ("a.lan, b.lan:6668, [fd00::2]:6697"). An entry without a port takes the
// port given beside it. ServerConnection connects to the first that answers and, after a loss,
// tries the next one: this object knows which one is in use and which were tried.
class ServerAddresses
{
public:
    ServerAddresses() = default;
    // A text that is not an address list becomes its one entry as it is, so that connecting
    // to it reports the host as not found.
    ServerAddresses(const QString& text, quint16 defaultPort);

    int count() const { return int(m_endpoints.size()); }
    // The address in use, or tried last; an empty one before any.
    ServerEndpoint current() const { return m_endpoints.value(m_index); }
    // A round of attempts starts at the current address.
    void startRound() { m_untried = count() - 1; }
    // Moves to the next address not tried in this round; false (and stays) when all were.
    bool tryNext();
    // Moves to the next address, the first after the last (the next reconnection's).
    void advance();

    // More entries than this make the text not an address list (a pasted paragraph).
    static constexpr int MaxAddresses = 16;

    // The entries in order, without repeats (an entry without a port gets defaultPort); empty
    // if the text is empty, names more than MaxAddresses or has an entry that is not "host",
    // "host:port", "[IPv6]:port" or a bare IPv6 address.
    static QList<ServerEndpoint> parse(const QString& text, quint16 defaultPort);
    // One entry: "host:port", "host", "[::1]:6667", "::1" -> host and port (0 when absent).
    static bool splitOne(const QString& text, QString* host, quint16* port);
    // "host:port", with brackets around an IPv6 address.
    static QString display(const ServerEndpoint& endpoint);

private:
    QList<ServerEndpoint> m_endpoints;
    int m_index = 0;
    int m_untried = 0;
};
