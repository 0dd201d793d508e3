#pragma once

#include <QString>

// A chat server found on the LAN, as the login dialog offers it: where to connect (the TLS port
// when it has one) and what its announcement said.
struct LanServer
{
    QString name;     // the DNS-SD instance name ("Confab on pc1")
    QString network;  // the network name of its TXT record
    QString hostName; // "pc1.local"
    QString address;  // an address to connect to ("192.168.1.20", "fe80::1%eth0")
    quint16 port = 0;
    bool tls = false;
    QString fingerprint; // the TLS certificate's SHA-256 as the TXT record says; may be empty
    bool accountsRequired = false;
    bool hasAccounts = false;

    bool isValid() const { return !address.isEmpty() && port != 0; }
};
