package org.sessionsdk.spring;

import org.sessionsdk.core.client.SessionClient;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Declares one {@link SessionClient} bean per server, named after it, so {@code @Qualifier("panel7")}
 * or a parameter named {@code panel7} gets that server. The names come from the properties before any
 * bean exists; each bean is the {@link SessionServers} registry's client, which owns and closes it.
 */
final class SessionClientRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {
    private Environment environment;
    private BeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        for (String name : ServerDeclarations.read(environment).keySet()) {
            RootBeanDefinition def = new RootBeanDefinition(SessionClient.class,
                    () -> beanFactory.getBean(SessionServers.class).client(name));
            def.setDestroyMethodName(""); // the registry closes it
            def.setDependsOn("sessionServers");
            registry.registerBeanDefinition(name, def);
        }
    }
}
