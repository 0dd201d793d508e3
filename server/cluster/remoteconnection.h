#pragma once

#include "net/clientconnection.h"

// The connection of a user on another node (a ghost, RemoteUsers): what this node would send it
// is dropped, since the user's own node delivers to it from the bus. One per ghost, so that the
// UserRegistry's index by connection holds.
class RemoteConnection : public ClientConnection
{
public:
    void send(const IrcMessage&) override {}
    void sendWire(const QByteArray&) override {}
    void close(const QString&) override {}
    void setRegistered() override {}
};
