#pragma once

#include "config/serverconfig.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

// What the file host's thread needs to know: the server configuration's file settings, plus the
// TLS certificate and key it serves with (PEM, read on the event loop's side).
struct FileHostSettings
{
    QList<QHostAddress> addresses;
    quint16 port = 0;
    QByteArray certificatePem;
    QByteArray keyPem;
    QString dataDir;
    QString publicUrl; // ServerConfig::filesUrl, without a trailing '/'; empty: none
    qint64 maxBytes = 0;
    qint64 quotaBytes = 0;
    int expiryDays = 0;
    int idleTimeoutSecs = 0;
    int uploadMaxSecs = 0;
    int maxConnections = 0;
    int maxConnectionsPerIp = 0;
    int expiryIntervalMs = 0;

    static FileHostSettings fromConfig(const ServerConfig& config)
    {
        FileHostSettings settings;
        settings.addresses = config.listenAddresses;
        settings.port = config.filesPort;
        settings.dataDir = config.dataDir;
        settings.publicUrl = config.filesUrl;
        while (settings.publicUrl.endsWith(u'/'))
            settings.publicUrl.chop(1);
        settings.maxBytes = config.fileMaxBytes;
        settings.quotaBytes = config.fileQuotaBytes;
        settings.expiryDays = config.fileExpiryDays;
        settings.idleTimeoutSecs = config.fileIdleTimeoutSecs;
        settings.uploadMaxSecs = config.fileUploadMaxSecs;
        settings.maxConnections = config.fileMaxConnections;
        settings.maxConnectionsPerIp = config.fileMaxConnectionsPerIp;
        settings.expiryIntervalMs = config.fileExpiryIntervalMs;
        return settings;
    }
};
