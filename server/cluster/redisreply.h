#pragma once

#include <QByteArray>
#include <QList>

// One reply from Redis, copied out of hiredis' redisReply so that nothing outside
// cluster/redisclient.cpp sees hiredis, and so that a reply outlives the buffer hiredis frees as
// soon as its callback returns. Also what a command's callback gets when there is no reply:
// an Error with a text of ours ("connection lost", "not connected").
struct RedisReply
{
    enum class Type { Error, Nil, Integer, String, Status, Array };

    Type type = Type::Nil;
    qint64 integer = 0;
    QByteArray string;          // String, Status, Error text
    QList<RedisReply> elements; // Array

    bool isError() const { return type == Type::Error; }

    static RedisReply error(const QByteArray& text)
    {
        RedisReply reply;
        reply.type = Type::Error;
        reply.string = text;
        return reply;
    }
};
